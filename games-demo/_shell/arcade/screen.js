/*
 * Sizes the canvas to the window the way a pygbag page does inside the portal's iframe (window_canvas_adjust):
 * the game keeps its own aspect ratio, letterboxed and centred, and stays crisp at any devicePixelRatio.
 * The game always draws in its own logical units (data-width x data-height on <body>).
 */
(function () {
  "use strict";

  // A 4K screen at devicePixelRatio 2 would ask for an 8K backing store; past this the GPU copy costs more than it shows.
  const MAX_BACKING_SIDE = 4096;

  /** Fits stage and canvas to the window now and on every resize or zoom; returns the 2D context. */
  function createScreen(stage, canvas, width, height) {
    const ctx = canvas.getContext("2d", { alpha: false });

    function fit() {
      const root = document.documentElement;
      const scale = Math.min(root.clientWidth / width, root.clientHeight / height);
      const cssWidth = Math.max(1, Math.floor(width * scale));
      const cssHeight = Math.max(1, Math.floor(height * scale));
      stage.style.width = cssWidth + "px";
      stage.style.height = cssHeight + "px";
      const dpr = Math.min(window.devicePixelRatio || 1, MAX_BACKING_SIDE / Math.max(cssWidth, cssHeight));
      canvas.width = Math.round(cssWidth * dpr);
      canvas.height = Math.round(cssHeight * dpr);
      // Resizing the canvas resets its transform, so the logical-to-device scale is set again every time.
      ctx.setTransform(canvas.width / width, 0, 0, canvas.height / height, 0, 0);
    }

    // Moving the window to another monitor changes devicePixelRatio without a resize event.
    let query = null;
    function watchPixelRatio() {
      if (query) query.removeEventListener("change", onPixelRatio);
      query = window.matchMedia("(resolution: " + (window.devicePixelRatio || 1) + "dppx)");
      query.addEventListener("change", onPixelRatio);
    }
    function onPixelRatio() {
      fit();
      watchPixelRatio();
    }

    window.addEventListener("resize", fit);
    watchPixelRatio();
    fit();
    return { ctx, fit };
  }

  window.Arcade = Object.assign(window.Arcade || {}, { createScreen });
})();
