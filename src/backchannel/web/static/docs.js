// Starts the bundled Swagger UI on the app's OpenAPI schema (kept out of the page so the
// docs run under the same Content-Security-Policy as the dashboard).
(function () {
  "use strict";
  var el = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: el.getAttribute("data-openapi-url"),
    dom_id: "#swagger-ui",
    deepLinking: true,
    layout: "BaseLayout",
    presets: [SwaggerUIBundle.presets.apis],
    validatorUrl: null
  });
})();
