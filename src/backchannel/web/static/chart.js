// Renders the tracker chart: the Vega-Lite spec sits in a JSON data block (not a script),
// and Vega evaluates expressions with its interpreter, so the page needs neither inline
// script nor eval under its Content-Security-Policy.
(function () {
  "use strict";
  function render(el) {
    var data = document.getElementById(el.getAttribute("data-spec"));
    if (!data || typeof vegaEmbed !== "function") {
      el.textContent = "The chart could not be drawn (its scripts did not load).";
      return;
    }
    var spec;
    try {
      spec = JSON.parse(data.textContent);
    } catch (err) {
      el.textContent = "The chart data is not valid JSON.";
      return;
    }
    vegaEmbed(el, spec, {
      actions: false,
      renderer: "svg",
      ast: true,
      expr: vega.expressionInterpreter,
      defaultStyle: false,
      tooltip: { disableDefaultStyle: true },
      loader: { target: "_self" }
    }).then(function () {
      el.setAttribute("data-rendered", "true");
    }).catch(function (err) {
      el.textContent = "The chart could not be drawn: " + err.message;
    });
  }
  document.querySelectorAll("[data-spec]").forEach(render);
})();
