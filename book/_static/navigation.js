// The site's navigation on a phone. pydata-sphinx-theme 0.17 opens the table of contents from
// the first .primary-toggle button only, the one in its own navbar, which sphinx-book-theme
// hides; the book theme's own button, the one a phone shows, then does nothing
// (pydata/pydata-sphinx-theme#2451). Where the sidebar is not on screen, pass that button's
// clicks on to the theme's, which opens the table of contents as a drawer.
document.addEventListener("DOMContentLoaded", () => {
  const [themes, ...others] = document.querySelectorAll(".primary-toggle");
  const sidebar = document.getElementById("pst-primary-sidebar");
  if (!themes || !sidebar) return;
  others.forEach((button) => {
    button.addEventListener(
      "click",
      (event) => {
        const onScreen = getComputedStyle(sidebar).visibility !== "hidden" &&
          sidebar.getBoundingClientRect().right > 0;
        if (onScreen) return; // a wide screen: the book theme's own toggle collapses it
        event.preventDefault();
        event.stopImmediatePropagation();
        themes.click();
      },
      true,
    );
  });
});
