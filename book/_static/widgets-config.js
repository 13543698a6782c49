// Loaded between RequireJS and the ipywidgets HTML manager on pages with widgets.
// RequireJS resolves modules, and the manager its icon fonts, against baseUrl; point it at the
// handbook's own _static/ folder so every page, at any depth, finds the local copies.
require.config({
  baseUrl: new URL("_static/", new URL(document.documentElement.dataset.content_root || "./", document.baseURI)).href,
});

// ipywidgets' sliders draw a handle (role="slider") and an editable readout without an
// accessible name; screen readers would announce "slider" alone. Name them after the widget's
// own label as they render.
document.addEventListener("DOMContentLoaded", () => {
  const nameSliders = () => {
    document.querySelectorAll(".widget-slider").forEach((slider) => {
      const name = slider.querySelector(".widget-label")?.textContent?.trim();
      if (!name) return;
      slider.querySelectorAll("[role='slider'], .widget-readout").forEach((part) => {
        if (!part.getAttribute("aria-label")) part.setAttribute("aria-label", name);
      });
    });
  };
  new MutationObserver(nameSliders).observe(document.body, { childList: true, subtree: true });
});
