/** Partner agencies and the person's explicit consent to share verified attributes with them. */
package io.proofline.sharing;
