/**
 * The shell every page of the service stands on: the layout ({@code templates/layout.html}, with the
 * USWDS banner, header, language switch and footer), the error pages, the welcome page, English and
 * French ({@code messages*.properties}) and the security headers of the pages.
 * <p>
 * Its API for the features' own pages is the layout fragment: a page template replaces its
 * {@code <html>} with {@code ~{layout :: page(title=#{...}, content=~{::#page-content})}}. See
 * {@code docs/web.md}.
 */
package io.proofline.web;
