/* The demo shop page: fills the customer picker and the product list from the demo store,
 * and on a new pick signs in as that customer and re-initialises the chat widget with the
 * token the shop minted. */
(function () {
  "use strict";

  var picker = document.getElementById("customer-picker");
  var status = document.getElementById("sign-in-status");

  function getJson(url, options) {
    return fetch(url, options).then(function (reply) {
      return reply.json().then(function (body) {
        if (!reply.ok) throw new Error(body.error || reply.statusText);
        return body;
      });
    });
  }

  function widgetTag() {
    return document.getElementById("candor-widget-script");
  }

  function fillCustomers() {
    return getJson("/api/customers").then(function (body) {
      body.customers.forEach(function (customer) {
        var option = document.createElement("option");
        option.value = customer.id;
        option.textContent = customer.name + " (" + customer.id + ")";
        picker.appendChild(option);
      });
      picker.value = widgetTag().getAttribute("data-user") || "";
    });
  }

  function fillProducts() {
    var list = document.getElementById("products");
    return getJson("/api/products").then(function (body) {
      body.products.forEach(function (product) {
        var item = document.createElement("li");
        var name = document.createElement("p");
        name.className = "shop-product-name";
        name.textContent = product.name;
        var details = document.createElement("p");
        details.className = "shop-product-details";
        details.textContent = product.category + " · " + product.price;
        item.appendChild(name);
        item.appendChild(details);
        list.appendChild(item);
      });
    });
  }

  picker.addEventListener("change", function () {
    var customerId = picker.value || null;
    picker.disabled = true;
    status.textContent = "Signing in…";
    getJson("/api/sign-in", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ customer_id: customerId }),
    }).then(function (signedIn) {
      var tag = widgetTag();
      tag.setAttribute("data-user", signedIn.customer_id || "");
      window.CandorWidget.init({
        server: tag.getAttribute("data-server"),
        token: signedIn.token,
        user: signedIn.customer_id,
        privacyUrl: tag.getAttribute("data-privacy-url"),
      });
      status.textContent = signedIn.name ? "Chat signed in as " + signedIn.name : "Chat is anonymous";
    }).catch(function (error) {
      status.textContent = "Could not sign in: " + error.message;
    }).then(function () {
      picker.disabled = false;
    });
  });

  document.addEventListener("DOMContentLoaded", function () {
    fillCustomers().catch(function (error) { status.textContent = "Could not load customers: " + error.message; });
    fillProducts().catch(function () { /* the shop still works without its shelf */ });
  });
})();
