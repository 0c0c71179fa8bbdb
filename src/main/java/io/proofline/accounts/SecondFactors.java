package io.proofline.accounts;

import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

import io.proofline.crypto.AttributeEncryptor;
import io.proofline.crypto.Fingerprints;
import io.proofline.crypto.PersonalKeys;
import io.proofline.throttle.ThrottleType;
import io.proofline.throttle.Throttles;

/**
 * The second way to sign in that every account holds (NIST SP 800-63B AAL2): an authentication app (RFC 6238 codes),
 * backup codes or a phone (a code sent by text or voice), added, renamed and removed (never the last), and checked
 * after the password. Adding or removing one forgets every remembered browser of the account ({@link RememberedBrowsers}). Codes are
 * throttled per account ({@code sign-in-code}: Login.gov's 10 wrong codes, then 10 minutes) and counted before they
 * are checked.
 */
@Service
public class SecondFactors {

    private static final Logger log = LoggerFactory.getLogger(SecondFactors.class);

    public static final ThrottleType SIGN_IN_CODE = ThrottleType.named("sign-in-code");

    /** RFC 6238 as authentication apps use it: HMAC-SHA1, 30-second periods, 6 digits. */
    static final Duration PERIOD = Duration.ofSeconds(30);
    static final int BACKUP_CODES = 10;
    static final int BACKUP_CODE_LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TimeBasedOneTimePasswordGenerator TOTP = new TimeBasedOneTimePasswordGenerator(PERIOD, 6, "HmacSHA1");

    private final AuthMethodRepository methods;
    private final BackupCodeRepository backupCodes;
    private final Accounts accounts;
    private final AttributeEncryptor attributes;
    private final Fingerprints fingerprints;
    private final Throttles throttles;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final SecurityNotices notices;
    private final RememberedBrowsers remembered;
    private final PhoneCodeSender phones;
    private final JdbcClient jdbc;
    private final AccountHistory history;

    SecondFactors(AuthMethodRepository methods, BackupCodeRepository backupCodes, Accounts accounts,
            AttributeEncryptor attributes, Fingerprints fingerprints, Throttles throttles, Clock clock,
            TransactionTemplate transactions, SecurityNotices notices, RememberedBrowsers remembered,
            PhoneCodeSender phones, JdbcClient jdbc, AccountHistory history) {
        this.history = history;
        this.notices = notices;
        this.remembered = remembered;
        this.phones = phones;
        this.jdbc = jdbc;
        this.methods = methods;
        this.backupCodes = backupCodes;
        this.accounts = accounts;
        this.attributes = attributes;
        this.fingerprints = fingerprints;
        this.throttles = throttles;
        this.clock = clock;
        this.transactions = transactions;
    }

    /**
     * A method as its owner sees it on their account page. {@code name} is blank when they gave none;
     * {@code phoneEnding} is a phone's last two digits (the only part of the number any page shows), else null.
     */
    public record Method(UUID id, MethodKind kind, String name, Instant addedAt, Optional<Instant> lastUsedAt,
            long backupCodesLeft, String phoneEnding) {
    }

    public List<Method> methods(AccountId account) {
        return methods.findConfirmed(account.value()).stream().map(method -> new Method(method.id(), method.kind(),
                attributes.decrypt(method.nameCiphertext(), method.nameContext()), method.createdAt(),
                Optional.ofNullable(method.lastUsedAt()),
                method.kind() == MethodKind.BACKUP_CODES ? backupCodes.countUnused(method.id()) : 0,
                method.kind() == MethodKind.PHONE ? ending(method) : null)).toList();
    }

    /** The account's phone methods, as the sign-in step offers them: each with its last two digits. */
    public List<PhoneShown> phones(AccountId account) {
        return methods.findConfirmed(account.value()).stream().filter(method -> method.kind() == MethodKind.PHONE)
                .map(method -> new PhoneShown(method.id(), ending(method))).toList();
    }

    public record PhoneShown(UUID method, String ending) {
    }

    private String ending(AuthMethod phone) {
        String number = attributes.decrypt(phone.secretCiphertext(), phone.secretContext());
        return number.substring(number.length() - 2);
    }

    public boolean hasAny(AccountId account) {
        return methods.countConfirmed(account.value()) > 0;
    }

    /** The kinds of method the account holds (what its sign-in step offers). */
    public java.util.Set<MethodKind> kindsHeld(AccountId account) {
        return methods.findConfirmed(account.value()).stream().map(AuthMethod::kind)
                .collect(java.util.stream.Collectors.toCollection(() -> java.util.EnumSet.noneOf(MethodKind.class)));
    }

    /** A new account adds its first method after the password; an account that has one, after a full sign-in. */
    public boolean mayAdd(AccountId account, Assurance sessionAssurance) {
        return sessionAssurance.atLeast(Assurance.AAL2) || !hasAny(account);
    }

    /**
     * The session registered a security key (Spring Security verified the registration and {@link SecurityKeys} kept
     * it) or signed in with one of the account's own: it has proven a phishing-resistant method.
     */
    public void securityKeyProven(AccountId account, SessionToken session) {
        accounts.upgradeSession(session, MethodKind.SECURITY_KEY.assurance(), MethodKind.SECURITY_KEY.amr());
        log.info("Account {} proved a security key", account);
    }

    /**
     * An authentication app being added: the key the person types or scans into it.
     *
     * @param key        the key in Base32, grouped by four for typing
     * @param otpauthUri the same as a link an app on this device can open
     */
    public record AppBeingAdded(UUID method, String key, String otpauthUri) {
        @Override
        public String toString() {
            return "AppBeingAdded[" + method + "]";
        }
    }

    /** A new key for an app, sealed until the app's first code confirms it. */
    public AppBeingAdded beginApp(AccountId account) {
        Instant now = clock.instant();
        methods.deleteUnconfirmedBefore(account.value(), now.minus(Duration.ofDays(1)));
        byte[] secret = new byte[20];
        RANDOM.nextBytes(secret);
        String key = new Base32().encodeAsString(secret).replace("=", "");
        UUID id = UUID.randomUUID();
        AuthMethod method = new AuthMethod(id, account, MethodKind.AUTHENTICATION_APP,
                attributes.encrypt("", "auth-method-name:" + id), attributes.encrypt(key, "auth-method-secret:" + id), now);
        methods.insert(method);
        return shown(id, key);
    }

    /** The app being added, again (the page reloaded, a wrong first code). */
    public Optional<AppBeingAdded> appBeingAdded(AccountId account, UUID id) {
        return methods.findById(id).filter(method -> method.account().equals(account) && !method.confirmed()
                        && method.kind() == MethodKind.AUTHENTICATION_APP)
                .map(method -> shown(id, attributes.decrypt(method.secretCiphertext(), method.secretContext())));
    }

    private static AppBeingAdded shown(UUID id, String key) {
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < key.length(); i += 4) {
            grouped.append(grouped.length() == 0 ? "" : " ").append(key, i, Math.min(key.length(), i + 4));
        }
        return new AppBeingAdded(id, grouped.toString(),
                "otpauth://totp/Proofline?secret=" + key + "&issuer=Proofline&algorithm=SHA1&digits=6&period=30");
    }

    /** What a typed code did. */
    public sealed interface CodeCheck {
        /** @param amr how the session proved it (a phone's code: {@code sms}, or {@code tel} by voice) */
        record Accepted(MethodKind kind, String amr) implements CodeCheck {
            public Accepted(MethodKind kind) {
                this(kind, kind.amr());
            }
        }

        record Wrong(int remainingAttempts) implements CodeCheck {
        }

        record Paused(Instant until) implements CodeCheck {
        }
    }

    /**
     * The app's first code: right, the app becomes a method of the account and the session has proven it.
     *
     * @param name the person's label for it (may be blank)
     */
    public CodeCheck confirmApp(AccountId account, SessionToken session, UUID id, String code, String name) {
        Optional<AuthMethod> method = methods.findById(id)
                .filter(found -> found.account().equals(account) && !found.confirmed());
        return throttled(account, session, () -> {
            if (method.isEmpty() || !appAccepts(method.get(), code)) {
                return Optional.empty();
            }
            transactions.executeWithoutResult(tx -> {
                methods.rename(id, attributes.encrypt(name.strip(), method.get().nameContext()));
                methods.confirm(id, clock.instant());
            });
            log.info("Account {} added an authentication app", account);
            remembered.forgetAll(account);
            history.record(account, AccountHistory.Kind.METHOD_ADDED);
            notices.send(account, SecurityNotices.Notice.METHOD_ADDED);
            return Optional.of(new Proof(MethodKind.AUTHENTICATION_APP));
        });
    }

    /**
     * Ten new backup codes, a method of the account at once; shown to the person this once and kept only as
     * fingerprints. The session counts as having proven them (the person holds them now).
     */
    public List<String> addBackupCodes(AccountId account, SessionToken session) {
        UUID id = UUID.randomUUID();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < BACKUP_CODES; i++) {
            codes.add(PersonalKeys.randomCode(BACKUP_CODE_LENGTH));
        }
        Instant now = clock.instant();
        transactions.executeWithoutResult(tx -> {
            methods.insert(new AuthMethod(id, account, MethodKind.BACKUP_CODES,
                    attributes.encrypt("", "auth-method-name:" + id), null, now));
            for (String code : codes) {
                backupCodes.insert(new BackupCode(id, fingerprints.code("backup", code).current()));
            }
            methods.confirm(id, now);
        });
        accounts.upgradeSession(session, MethodKind.BACKUP_CODES.assurance(), MethodKind.BACKUP_CODES.amr());
        log.info("Account {} added backup codes", account);
        remembered.forgetAll(account);
        history.record(account, AccountHistory.Kind.METHOD_ADDED);
        notices.send(account, SecurityNotices.Notice.METHOD_ADDED);
        return codes.stream().map(code -> code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8))
                .toList();
    }

    /** The second step of a sign-in: a code from the app, a backup code (used up), or the code sent to a phone. */
    public CodeCheck verify(AccountId account, SessionToken session, String code) {
        String typed = PersonalKeys.normalize(code);
        List<AuthMethod> held = methods.findConfirmed(account.value());
        return throttled(account, session, () -> {
            for (AuthMethod method : held) {
                if (method.kind() == MethodKind.AUTHENTICATION_APP && appAccepts(method, typed)) {
                    return Optional.of(new Proof(MethodKind.AUTHENTICATION_APP));
                }
                if (method.kind() == MethodKind.BACKUP_CODES && typed.length() == BACKUP_CODE_LENGTH
                        && backupCodes.use(method.id(), fingerprints.code("backup", typed).candidates(), clock.instant()) == 1) {
                    methods.used(method.id(), clock.instant());
                    return Optional.of(new Proof(MethodKind.BACKUP_CODES));
                }
                if (method.kind() == MethodKind.PHONE) {
                    Optional<PhoneCodeSender.Channel> sentBy = usePhoneCode(method, typed);
                    if (sentBy.isPresent()) {
                        methods.used(method.id(), clock.instant());
                        return Optional.of(Proof.phone(sentBy.get()));
                    }
                }
            }
            return Optional.empty();
        });
    }

    /** What a right code proved: the method's kind and its {@code amr}. */
    private record Proof(MethodKind kind, String amr) {
        Proof(MethodKind kind) {
            this(kind, kind.amr());
        }

        static Proof phone(PhoneCodeSender.Channel channel) {
            return new Proof(MethodKind.PHONE, channel == PhoneCodeSender.Channel.VOICE ? "tel" : "sms");
        }
    }

    /**
     * Counts the code before it is checked (parallel guesses cannot pass the limit); a right one resets the count and
     * the session has proven the method it matched.
     */
    private CodeCheck throttled(AccountId account, SessionToken session, Supplier<Optional<Proof>> check) {
        String subject = account.toString();
        Throttles.Attempt attempt = throttles.reserve(subject, SIGN_IN_CODE);
        if (!attempt.admitted()) {
            return new CodeCheck.Paused(attempt.status().lockedUntil().orElseThrow());
        }
        Optional<Proof> proven = check.get();
        if (proven.isEmpty()) {
            return attempt.status().lockedUntil().<CodeCheck>map(CodeCheck.Paused::new)
                    .orElseGet(() -> new CodeCheck.Wrong(attempt.status().remainingAttempts()));
        }
        throttles.reset(subject, SIGN_IN_CODE);
        accounts.upgradeSession(session, proven.get().kind().assurance(), proven.get().amr());
        return new CodeCheck.Accepted(proven.get().kind(), proven.get().amr());
    }

    /** A code of this period or the one before or after (clocks drift), never one of a period already used. */
    private boolean appAccepts(AuthMethod method, String code) {
        String typed = code.replaceAll("\\s", "");
        if (!typed.matches("\\d{6}")) {
            return false;
        }
        SecretKeySpec key = new SecretKeySpec(new Base32().decode(
                attributes.decrypt(method.secretCiphertext(), method.secretContext())), "HmacSHA1");
        long now = clock.instant().getEpochSecond() / PERIOD.toSeconds();
        for (long step = now - 1; step <= now + 1; step++) {
            String expected = appCode(key, step);
            if (MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), typed.getBytes(StandardCharsets.US_ASCII))) {
                return methods.useStep(method.id(), step, clock.instant()) == 1;
            }
        }
        return false;
    }

    /** The code an app shows during period {@code step} (RFC 6238 with HMAC-SHA1 and 6 digits). */
    static String appCode(SecretKeySpec key, long step) {
        try {
            return String.format(Locale.ROOT, "%06d",
                    TOTP.generateOneTimePassword(key, Instant.ofEpochSecond(step * PERIOD.toSeconds())));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    // A phone (seed 001: "a phone number where we share an SMS code"). The number is sealed like the app's key (context
    // naming the method); its fingerprint only tells the same number added twice to one account. Codes: 6 digits,
    // valid CODE_VALIDITY, single use, kept as their HMAC fingerprint; entries throttled with the app's codes
    // (sign-in-code), sends per account (sign-in-code-send).

    public static final ThrottleType SIGN_IN_CODE_SEND = ThrottleType.named("sign-in-code-send");
    static final Duration PHONE_CODE_VALIDITY = Duration.ofMinutes(10);

    /** What asking for a code to be sent did. */
    public sealed interface PhoneSend {
        /** @param ending the phone's last two digits, for "we sent a code to the phone ending in 42" */
        record Sent(UUID method, String ending) implements PhoneSend {
        }

        /** Not a U.S. number of ten digits. */
        record NotANumber() implements PhoneSend {
        }

        /** The account holds that number already. */
        record AlreadyAdded() implements PhoneSend {
        }

        /** The vendor did not take it (a landline by text message, an outage). */
        record NotSent() implements PhoneSend {
        }

        record Paused(Instant until) implements PhoneSend {
        }
    }

    /** A typed U.S. number as stored ({@code +1} and ten digits), if it is one. */
    static Optional<String> usNumber(String typed) {
        String digits = typed == null ? "" : typed.replaceAll("[\\s().+-]", "");
        if (digits.length() == 11 && digits.startsWith("1")) {
            digits = digits.substring(1);
        }
        return digits.matches("[2-9]\\d{9}") ? Optional.of("+1" + digits) : Optional.empty();
    }

    /** A new phone, sealed and unconfirmed until the code sent to it now comes back ({@link #confirmPhone}). */
    public PhoneSend beginPhone(AccountId account, String typed, PhoneCodeSender.Channel channel) {
        Optional<String> number = usNumber(typed);
        if (number.isEmpty()) {
            return new PhoneSend.NotANumber();
        }
        String fingerprint = fingerprints.code("phone-number", number.get().replace("+", "")).current();
        boolean held = jdbc.sql("""
                select count(*) from auth_method where account_id = ? and kind = 'PHONE' and confirmed_at is not null
                and secret_fingerprint = ?""").params(account.value(), fingerprint).query(Long.class).single() > 0;
        if (held) {
            return new PhoneSend.AlreadyAdded();
        }
        Instant now = clock.instant();
        methods.deleteUnconfirmedBefore(account.value(), now.minus(Duration.ofDays(1)));
        UUID id = UUID.randomUUID();
        transactions.executeWithoutResult(tx -> {
            methods.insert(new AuthMethod(id, account, MethodKind.PHONE, attributes.encrypt("", "auth-method-name:" + id),
                    attributes.encrypt(number.get(), "auth-method-secret:" + id), now));
            jdbc.sql("update auth_method set secret_fingerprint = ? where id = ?").params(fingerprint, id).update();
        });
        return sendCode(account, methods.findById(id).orElseThrow(), channel);
    }

    /** The last two digits of a phone being added by this account, if it is one. */
    public Optional<String> phoneBeingAdded(AccountId account, UUID id) {
        return methods.findById(id).filter(method -> method.account().equals(account) && !method.confirmed()
                && method.kind() == MethodKind.PHONE).map(this::ending);
    }

    /** A new code to a phone being added (another channel, a code that did not come). */
    public PhoneSend resendToPhoneBeingAdded(AccountId account, UUID id, PhoneCodeSender.Channel channel) {
        return methods.findById(id).filter(method -> method.account().equals(account) && !method.confirmed()
                && method.kind() == MethodKind.PHONE).map(method -> sendCode(account, method, channel))
                .orElseGet(PhoneSend.NotSent::new);
    }

    /** The sign-in step's "send me a code": to one of the account's phones. */
    public PhoneSend sendSignInCode(AccountId account, UUID id, PhoneCodeSender.Channel channel) {
        return methods.findById(id).filter(method -> method.account().equals(account) && method.confirmed()
                && method.kind() == MethodKind.PHONE).map(method -> sendCode(account, method, channel))
                .orElseGet(PhoneSend.NotSent::new);
    }

    private PhoneSend sendCode(AccountId account, AuthMethod phone, PhoneCodeSender.Channel channel) {
        Throttles.Attempt attempt = throttles.reserve(account.toString(), SIGN_IN_CODE_SEND);
        if (!attempt.admitted()) {
            return new PhoneSend.Paused(attempt.status().lockedUntil().orElseThrow());
        }
        String code = String.format(Locale.ROOT, "%06d", RANDOM.nextInt(1_000_000));
        java.sql.Timestamp expires = java.sql.Timestamp.from(clock.instant().plus(PHONE_CODE_VALIDITY));
        String fingerprint = fingerprints.code("phone", code).current();
        // One code at a time per phone: a new send replaces the one before.
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("delete from phone_code where method_id = ?").param(phone.id()).update();
            jdbc.sql("insert into phone_code (method_id, code_fingerprint, channel, expires_at) values (?, ?, ?, ?)")
                    .params(phone.id(), fingerprint, channel.name(), expires).update();
        });
        String number = attributes.decrypt(phone.secretCiphertext(), phone.secretContext());
        if (!phones.send(number, channel, code, "sign-in-code:" + UUID.randomUUID())) {
            jdbc.sql("delete from phone_code where method_id = ?").param(phone.id()).update();
            return new PhoneSend.NotSent();
        }
        return new PhoneSend.Sent(phone.id(), number.substring(number.length() - 2));
    }

    /** The phone's pending code, if {@code typed} is it and still valid: used up (deleted) by this check. */
    private Optional<PhoneCodeSender.Channel> usePhoneCode(AuthMethod phone, String typed) {
        if (!typed.matches("\\d{6}")) {
            return Optional.empty();
        }
        List<String> channel = jdbc.sql("select channel from phone_code where method_id = ?").param(phone.id())
                .query(String.class).list();
        if (channel.isEmpty()) {
            return Optional.empty();
        }
        int used = jdbc.sql("delete from phone_code where method_id = :method and code_fingerprint in (:fingerprints)"
                + " and expires_at > :now").param("method", phone.id())
                .param("fingerprints", fingerprints.code("phone", typed).candidates())
                .param("now", java.sql.Timestamp.from(clock.instant())).update();
        return used == 1 ? Optional.of(PhoneCodeSender.Channel.valueOf(channel.get(0))) : Optional.empty();
    }

    /**
     * The code sent to a phone being added: right, the phone becomes a method of the account and the session has
     * proven it.
     */
    public CodeCheck confirmPhone(AccountId account, SessionToken session, UUID id, String code, String name) {
        Optional<AuthMethod> method = methods.findById(id).filter(found -> found.account().equals(account)
                && !found.confirmed() && found.kind() == MethodKind.PHONE);
        String typed = PersonalKeys.normalize(code);
        return throttled(account, session, () -> {
            Optional<PhoneCodeSender.Channel> sentBy = method.flatMap(phone -> usePhoneCode(phone, typed));
            if (sentBy.isEmpty()) {
                return Optional.empty();
            }
            transactions.executeWithoutResult(tx -> {
                methods.rename(id, attributes.encrypt(name.strip(), method.get().nameContext()));
                methods.confirm(id, clock.instant());
            });
            log.info("Account {} added a phone", account);
            remembered.forgetAll(account);
            notices.send(account, SecurityNotices.Notice.METHOD_ADDED);
            return Optional.of(Proof.phone(sentBy.get()));
        });
    }

    public void rename(AccountId account, UUID id, String name) {
        AuthMethod method = owned(account, id);
        methods.rename(id, attributes.encrypt(name.strip(), method.nameContext()));
        history.record(account, AccountHistory.Kind.METHOD_RENAMED);
    }

    /** @throws AccountsException.LastMethod for the account's only method */
    public void remove(AccountId account, UUID id) {
        owned(account, id);
        transactions.executeWithoutResult(tx -> {
            if (methods.countConfirmed(account.value()) <= 1) {
                throw new AccountsException.LastMethod();
            }
            methods.delete(id);
        });
        log.info("Account {} removed a second method", account);
        remembered.forgetAll(account);
        history.record(account, AccountHistory.Kind.METHOD_REMOVED);
        notices.send(account, SecurityNotices.Notice.METHOD_REMOVED);
    }

    private AuthMethod owned(AccountId account, UUID id) {
        return methods.findById(id).filter(method -> method.account().equals(account) && method.confirmed())
                .orElseThrow(() -> new AccountsException.NoSuchMethod());
    }
}
