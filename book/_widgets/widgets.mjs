// Renders the handbook's widgets on its static pages from the state saved in each page, with
// ipywidgets 8's own manager, models and views. It does the job of @jupyter-widgets/html-manager's
// embed.js (whose renderWidgets this follows) at a third of the weight, by leaving out what the
// handbook never uses: ipywidgets 7 models, the Output widget and its renderers, schema
// validation (the build writes the state itself) and a second icon font (the theme's Font
// Awesome draws the buttons' icons). Bundled by esbuild: `make book` runs it.
import * as base from "@jupyter-widgets/base";
import { ManagerBase } from "@jupyter-widgets/base-manager";
import * as controls from "@jupyter-widgets/controls";
import { MessageLoop } from "@lumino/messaging";
import { Widget } from "@lumino/widgets";

import "@jupyter-widgets/controls/css/labvariables.css";
import "@jupyter-widgets/controls/css/widgets-base.css";
import "@lumino/widgets/style/index.css";

// esbuild writes the widgets' styles beside this script (workbook-widgets.css): link them from the
// script's own address, so a page at any depth finds them, and only pages with widgets load them.
const styles = document.createElement("link");
styles.rel = "stylesheet";
styles.href = document.currentScript.src.replace(/\.js(\?|$)/, ".css$1");
document.head.append(styles);

const MODULES = { "@jupyter-widgets/base": base, "@jupyter-widgets/controls": controls };

class PageManager extends ManagerBase {
  constructor() {
    super();
    this.views = new Set();
    window.addEventListener("resize", () => {
      this.views.forEach((view) => MessageLoop.postMessage(view.luminoWidget, Widget.ResizeMessage.UnknownSize));
    });
  }

  async loadClass(className, moduleName, moduleVersion) {
    const module = MODULES[moduleName];
    if (!module || !moduleVersion.startsWith("2.") || !module[className]) {
      throw new Error(`This page's widgets need ${className} from ${moduleName} ${moduleVersion}, ` +
        "which the handbook's widget script does not hold: rebuild the page with ipywidgets 8.");
    }
    return module[className];
  }

  async display_view(view, element) {
    Widget.attach(view.luminoWidget, element);
    this.views.add(view);
    view.once("remove", () => this.views.delete(view));
  }

  // Nothing answers on a static page: no kernel, so no comms.
  _get_comm_info() {
    return Promise.resolve({});
  }

  _create_comm() {
    return Promise.resolve({ on_close() {}, on_msg() {}, close() {} });
  }
}

async function renderPage(root) {
  for (const stateTag of root.querySelectorAll('script[type="application/vnd.jupyter.widget-state+json"]')) {
    const manager = new PageManager();
    const models = await manager.set_state(JSON.parse(stateTag.textContent));
    const byId = new Map(models.map((model) => [model.model_id, model]));
    const viewTags = root.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]');
    await Promise.all(Array.from(viewTags, async (viewTag) => {
      const model = byId.get(JSON.parse(viewTag.textContent).model_id);
      if (!model || !viewTag.parentElement) return;
      const area = document.createElement("div");
      area.className = "widget-subarea";
      viewTag.parentElement.insertBefore(area, viewTag);
      await manager.display_view(await manager.create_view(model), area);
    }));
  }
}

window.addEventListener("load", () => {
  renderPage(document.documentElement).catch((error) => console.error("The page's widgets could not be drawn:", error));
});
