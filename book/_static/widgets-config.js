// Loaded before the widget script on pages with widgets (nb_ipywidgets_js in _config.yml).

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

// On the website a widget shows its first screen, but nothing answers its controls until the
// page runs live (the Practise live button). Rather than seem to work and do nothing, its
// controls are disabled, and say why to a pointer and to a screen reader alike.
document.addEventListener("DOMContentLoaded", () => {
  const why = "Press Practise live at the top of the page to use this";
  const makeInert = () => {
    document.querySelectorAll(
      ".jupyter-widgets button, .jupyter-widgets input, .jupyter-widgets select, .jupyter-widgets textarea",
    ).forEach((control) => {
      if (control.dataset.inert) return;
      control.dataset.inert = "true";
      control.setAttribute("aria-disabled", "true");
      control.title = why;
      // text stays readable, scrollable and focusable (a disabled box cannot be scrolled by
      // keyboard); buttons and menus are disabled
      if (control.matches("textarea, input[type='text'], input:not([type])")) control.readOnly = true;
      else control.disabled = true;
    });
  };
  makeInert();
  new MutationObserver(makeInert).observe(document.body, { childList: true, subtree: true });
});
