// Starts Swagger UI on /api/v1/docs/. A file, not an inline script, so the
// page works under a Content-Security-Policy without 'unsafe-inline'; the
// schema's address comes from the page (data-schema-url).
"use strict";
(function () {
  var target = document.getElementById("swagger-ui");
  if (!target || typeof SwaggerUIBundle !== "function") {
    return;
  }
  SwaggerUIBundle({
    url: target.getAttribute("data-schema-url"),
    domNode: target,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    deepLinking: true,
    // No badge from validator.swagger.io: nothing is loaded from elsewhere.
    validatorUrl: null,
    tryItOutEnabled: true,
  });
})();
