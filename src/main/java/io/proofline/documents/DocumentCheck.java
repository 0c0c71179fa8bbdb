package io.proofline.documents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

import org.springframework.stereotype.Service;

import io.proofline.journey.JourneyId;
import io.proofline.vault.IdentityEvidence;
import io.proofline.vault.PiiVault;
import io.proofline.vendors.CheckOutcome;
import io.proofline.vendors.IdempotencyKey;
import io.proofline.vendors.VendorResult;

/**
 * The state-ID check of seed 004 step 4. The upload step leaves the images sealed in the vault; the
 * check sends them to the vendor once and discards them, whatever the outcome. On a pass, what the ID
 * says (name, DOB, address, ID number) goes into the vault as the journey's evidence.
 */
@Service
public class DocumentCheck {

    private final DocumentAuthentication vendor;
    private final PiiVault vault;

    DocumentCheck(DocumentAuthentication vendor, PiiVault vault) {
        this.vendor = vendor;
        this.vault = vault;
    }

    /** Keeps the uploaded images (sealed) until the check runs. */
    public void upload(JourneyId journey, DocumentImages images) {
        vault.attach(journey, PiiVault.Attachment.DOCUMENT_IMAGES, pack(images));
    }

    public CheckOutcome authenticate(JourneyId journey, IdempotencyKey key) {
        Optional<byte[]> packed = vault.attachment(journey, PiiVault.Attachment.DOCUMENT_IMAGES);
        if (packed.isEmpty()) {
            // Expired or already used by an earlier run of this check: ask for the photos again, not counted.
            return CheckOutcome.vendorError("IMAGES_GONE");
        }
        VendorResult<DocumentVerification> result = vendor.verify(unpack(packed.get()), key);
        vault.detach(journey, PiiVault.Attachment.DOCUMENT_IMAGES);
        if (result instanceof VendorResult.Passed<DocumentVerification> passed && passed.value().fields() != null) {
            IdDocumentFields id = passed.value().fields();
            vault.update(journey, pii -> pii.withPerson(id.firstName(), id.lastName(), id.dateOfBirth())
                    .withAddress(id.address().line1(), id.address().city(), id.address().state(), id.address().zip())
                    .withEvidence(new IdentityEvidence("STATE_ID", id.firstName(), id.lastName(), id.dateOfBirth(),
                            id.idNumber(), id.issuingState(), id.expiry(), null, null)));
        }
        return CheckOutcome.of(result);
    }

    private static byte[] pack(DocumentImages images) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                DataOutputStream out = new DataOutputStream(bytes)) {
            for (byte[] image : new byte[][] {images.front(), images.back(), images.selfie()}) {
                out.writeInt(image.length);
                out.write(image);
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DocumentImages unpack(byte[] packed) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(packed))) {
            byte[][] images = new byte[3][];
            for (int i = 0; i < 3; i++) {
                images[i] = in.readNBytes(in.readInt());
            }
            return new DocumentImages(images[0], images[1], images[2]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
