/*
 * Candor chat widget: one script tag embeds it in any page.
 *
 *   <script src="/widget/candor-widget.js"
 *           data-server="http://localhost:5005"   Rasa server (socket.io channel)
 *           data-token="..."                      signed customer token; leave out for anonymous
 *           data-privacy-url="/privacy"></script>  optional; the site's privacy notice
 *
 * It loads its stylesheet and the socket.io client (socket.io.min.js) from the folder it was
 * loaded from, so nothing comes from a CDN. Pages that pick the customer later (like the demo
 * shop) call CandorWidget.init({server, token, user}) again; CandorWidget.destroy() removes it.
 *
 * The token goes with every message as metadata.customer_token; the server verifies it and is
 * the only judge of who the customer is. The conversation survives a page reload: the session
 * id (which the server's session persistence keys the dialogue on) and the transcript shown
 * are kept in localStorage, one conversation per user of this browser.
 *
 * Every piece of text from the bot or the user is put into the page with textContent, never
 * as HTML.
 */
(function () {
  "use strict";

  var STORAGE_PREFIX = "candor-widget:v1:";
  var MAX_STORED_MESSAGES = 100;
  var STORED_FOR_MS = 12 * 3600 * 1000; // as long as a customer token lives
  var MAX_MESSAGE_CHARS = 5000; // the server's limit (bot/channels.py)
  var REPLY_TIMEOUT_MS = 30000;

  // The words a customer reads for the field names of custom.explanation.data_used.
  var FIELD_WORDS = {
    purchase_history: "Your purchase history",
    preferences: "The interests you've told us",
  };

  var STATUS_TEXT = {
    connecting: "Connecting…",
    online: "Online",
    reconnecting: "Connection lost. Reconnecting…",
    offline: "You're offline. I'll reconnect when your connection is back.",
    error: "The assistant can't be reached right now.",
  };

  var thisScript = document.currentScript;
  var baseUrl = thisScript ? new URL(".", thisScript.src).href : "";
  var current = null; // the live widget instance

  // ---- small helpers -------------------------------------------------------------------

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      var value = attributes[name];
      if (value === null || value === undefined || value === false) return;
      if (name === "text") node.textContent = value;
      else if (name === "className") node.className = value;
      else if (name === "hidden") node.hidden = true;
      else node.setAttribute(name, value === true ? "" : String(value));
    });
    (children || []).forEach(function (child) {
      if (child) node.appendChild(child);
    });
    return node;
  }

  var idCounter = 0;
  function uniqueId(prefix) {
    idCounter += 1;
    return "cw-" + prefix + "-" + idCounter;
  }

  function loadOnce(tag, attributes, isLoaded) {
    return new Promise(function (resolve, reject) {
      if (isLoaded()) return resolve();
      var node = el(tag, attributes);
      node.addEventListener("load", function () { resolve(); });
      node.addEventListener("error", function () { reject(new Error("could not load " + (attributes.src || attributes.href))); });
      document.head.appendChild(node);
    });
  }

  function loadStyles() {
    var href = baseUrl + "candor-widget.css";
    return loadOnce("link", { rel: "stylesheet", href: href }, function () {
      return !!document.querySelector('link[href="' + href + '"]');
    }).catch(function () { /* unstyled beats broken */ });
  }

  function loadSocketIo(src) {
    return loadOnce("script", { src: src || baseUrl + "socket.io.min.js" }, function () {
      return typeof window.io === "function";
    });
  }

  // The user a conversation belongs to, only to keep different people's conversations
  // apart in one browser: an explicit `user`, else the token's subject. Never trusted for
  // identity: the server verifies the token itself.
  function conversationOwner(options) {
    if (options.user) return String(options.user);
    if (!options.token) return "anonymous";
    try {
      var part = options.token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
      var claims = JSON.parse(atob(part + "===".slice((part.length + 3) % 4)));
      if (claims && typeof claims.sub === "string" && claims.sub) return claims.sub;
    } catch (ignored) { /* not a JWT: one conversation for every token-holder */ }
    return "signed-in";
  }

  function formatDate(iso) {
    var date = new Date(iso);
    if (isNaN(date.getTime())) return String(iso);
    try {
      return date.toLocaleDateString(undefined, { day: "numeric", month: "long", year: "numeric" });
    } catch (ignored) {
      return date.toISOString().slice(0, 10);
    }
  }

  // ---- stored conversation -------------------------------------------------------------

  function Store(key) {
    this.key = key;
  }
  Store.prototype.load = function () {
    try {
      var record = JSON.parse(window.localStorage.getItem(this.key) || "null");
      if (record && Date.now() - record.savedAt < STORED_FOR_MS) return record;
    } catch (ignored) { /* storage blocked or corrupt: start a new conversation */ }
    this.clear();
    return { sessionId: null, messages: [], open: false };
  };
  Store.prototype.save = function (record) {
    record.savedAt = Date.now();
    record.messages = record.messages.slice(-MAX_STORED_MESSAGES);
    try {
      window.localStorage.setItem(this.key, JSON.stringify(record));
    } catch (ignored) { /* private mode: the conversation just won't survive a reload */ }
  };
  Store.prototype.clear = function () {
    try {
      window.localStorage.removeItem(this.key);
    } catch (ignored) { /* nothing stored */ }
  };

  // ---- the widget ----------------------------------------------------------------------

  function Widget(options) {
    this.options = options;
    this.store = new Store(STORAGE_PREFIX + options.server + ":" + conversationOwner(options));
    this.record = this.store.load();
    this.socket = null;
    this.state = "connecting";
    this.replyTimer = null;
    this.lastBotMessage = null;
    this.build();
    this.record.messages.forEach(this.render.bind(this));
    this.setOpen(!!this.record.open, false);
  }

  Widget.prototype.build = function () {
    var self = this;
    var panelId = uniqueId("panel");
    var titleId = uniqueId("title");

    this.launcher = el("button", {
      type: "button", className: "cw-launcher", "aria-controls": panelId, "aria-expanded": "false",
    }, [el("span", { text: "Chat with us" })]);

    this.statusText = el("span", { className: "cw-status-text", text: STATUS_TEXT.connecting });
    this.retryButton = el("button", { type: "button", className: "cw-link-button cw-retry", hidden: true, text: "Try again" });
    this.status = el("div", { className: "cw-status", role: "status", "aria-live": "polite" }, [this.statusText, this.retryButton]);
    this.closeButton = el("button", { type: "button", className: "cw-icon-button", "aria-label": "Close chat", text: "×" });

    var header = el("div", { className: "cw-header" }, [
      el("div", { className: "cw-heading" }, [
        el("h2", { id: titleId, className: "cw-title", text: "Candor assistant" }),
        this.status,
      ]),
      this.closeButton,
    ]);

    this.log = el("div", { className: "cw-log", role: "log", "aria-live": "polite", "aria-label": "Conversation", tabindex: "0" });
    this.typing = el("div", { className: "cw-typing", hidden: true, role: "status", "aria-label": "The assistant is typing" }, [
      el("span", { "aria-hidden": "true" }), el("span", { "aria-hidden": "true" }), el("span", { "aria-hidden": "true" }),
    ]);

    this.input = el("input", {
      type: "text", className: "cw-input", "aria-label": "Your message", placeholder: "Type your message…",
      maxlength: String(MAX_MESSAGE_CHARS), autocomplete: "off",
    });
    this.sendButton = el("button", { type: "submit", className: "cw-send", text: "Send" });
    this.form = el("form", { className: "cw-form", "aria-label": "Send a message" }, [this.input, this.sendButton]);

    var privacyLink = el("a", {
      className: "cw-link", href: this.options.privacyUrl, target: "_blank", rel: "noopener", text: "Privacy notice",
    });
    this.withdrawButton = el("button", {
      type: "button", className: "cw-link-button", text: "Stop personalising",
      "aria-label": "Stop personalising: withdraw your consent to use your data for suggestions",
    });
    this.clearButton = el("button", {
      type: "button", className: "cw-link-button", text: "Clear chat",
      "aria-label": "Clear this chat from this browser and start a new conversation",
    });
    var tools = el("div", { className: "cw-tools" }, [
      privacyLink, this.options.token ? this.withdrawButton : null, this.clearButton,
    ]);

    this.panel = el("section", {
      id: panelId, className: "cw-panel", role: "dialog", "aria-modal": "false", "aria-labelledby": titleId, hidden: true,
    }, [header, this.log, this.typing, this.form, tools]);

    this.root = el("div", { className: "cw-root", "data-state": this.state }, [this.panel, this.launcher]);
    document.body.appendChild(this.root);

    this.launcher.addEventListener("click", function () { self.setOpen(self.panel.hidden, true); });
    this.closeButton.addEventListener("click", function () { self.setOpen(false, true); });
    this.retryButton.addEventListener("click", function () { self.retry(); });
    this.withdrawButton.addEventListener("click", function () { self.send("/withdraw_consent", "Stop personalising"); });
    this.clearButton.addEventListener("click", function () { self.clearConversation(); });
    this.form.addEventListener("submit", function (event) {
      event.preventDefault();
      var text = self.input.value.trim();
      if (text && self.send(text, text)) self.input.value = "";
    });
    this.panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !event.defaultPrevented) {
        event.preventDefault();
        self.setOpen(false, true);
      }
    });
    this.onOnline = function () { self.retry(); };
    this.onOffline = function () { self.setState("offline"); };
    window.addEventListener("online", this.onOnline);
    window.addEventListener("offline", this.onOffline);
  };

  Widget.prototype.setOpen = function (open, moveFocus) {
    this.panel.hidden = !open;
    this.launcher.setAttribute("aria-expanded", open ? "true" : "false");
    this.root.classList.toggle("cw-open", open);
    this.record.open = open;
    this.store.save(this.record);
    if (open) {
      this.connect();
      this.scrollToEnd();
      if (moveFocus) this.input.focus();
    } else if (moveFocus) {
      this.launcher.focus();
    }
  };

  Widget.prototype.setState = function (state, detail) {
    this.state = state;
    this.root.setAttribute("data-state", state);
    this.statusText.textContent = detail || STATUS_TEXT[state];
    this.retryButton.hidden = state !== "error";
    // aria-disabled rather than disabled: Enter still submits, so the user hears why nothing was sent.
    this.sendButton.setAttribute("aria-disabled", state === "online" ? "false" : "true");
    if (state !== "online") this.stopWaiting();
  };

  // ---- connection ----------------------------------------------------------------------

  Widget.prototype.connect = function () {
    var self = this;
    if (this.socket || this.connecting) return;
    if (navigator.onLine === false) return this.setState("offline");
    this.connecting = true;
    loadSocketIo(this.options.socketIoSrc).then(function () {
      self.connecting = false;
      if (self.destroyed) return;
      self.openSocket();
    }, function () {
      self.connecting = false;
      self.setState("error", "The chat could not load. Please reload the page.");
    });
  };

  Widget.prototype.openSocket = function () {
    var self = this;
    var socket = window.io(this.options.server, {
      path: this.options.socketIoPath,
      reconnectionAttempts: 5,
      reconnectionDelay: 1000,
      reconnectionDelayMax: 4000,
      timeout: 10000,
    });
    this.socket = socket;

    socket.on("connect", function () {
      // After every (re)connect: ask to join this conversation's room again.
      socket.emit("session_request", { session_id: self.record.sessionId });
    });
    socket.on("session_confirm", function (sessionId) {
      var id = typeof sessionId === "string" ? sessionId : sessionId && sessionId.session_id;
      if (id) {
        self.record.sessionId = id;
        self.store.save(self.record);
      }
      self.setState("online");
    });
    socket.on("bot_uttered", function (message) { self.receive(message); });
    socket.on("disconnect", function (reason) {
      if (reason === "io client disconnect") return;
      self.setState(navigator.onLine === false ? "offline" : "reconnecting");
    });
    socket.on("connect_error", function () {
      if (self.state !== "error") self.setState(navigator.onLine === false ? "offline" : "reconnecting");
    });
    socket.io.on("reconnect_failed", function () { self.setState("error"); });
  };

  Widget.prototype.retry = function () {
    if (!this.socket) return this.connect();
    this.setState("connecting");
    if (!this.socket.connected) this.socket.connect();
  };

  // ---- messages ------------------------------------------------------------------------

  // Send `message` (text or a button payload), showing `shown` as what the user said.
  Widget.prototype.send = function (message, shown) {
    if (this.state !== "online") {
      this.statusText.textContent = STATUS_TEXT[this.state] + " Your message was not sent.";
      return false;
    }
    var data = { message: message, session_id: this.record.sessionId };
    if (this.options.token) data.metadata = { customer_token: this.options.token };
    this.socket.emit("user_uttered", data);
    this.add({ from: "user", text: shown });
    this.startWaiting();
    return true;
  };

  Widget.prototype.receive = function (message) {
    if (!message || typeof message !== "object") return;
    this.stopWaiting();
    var custom = message.custom && typeof message.custom === "object" ? message.custom : null;
    var explanation = custom && custom.explanation && typeof custom.explanation === "object" ? custom.explanation : null;
    var text = typeof message.text === "string" ? message.text : "";
    var choices = (message.quick_replies || message.buttons || [])
      .filter(function (choice) { return choice && typeof choice.title === "string" && typeof choice.payload === "string"; })
      .map(function (choice) { return { title: choice.title, payload: choice.payload }; });

    if (!text && !choices.length && explanation && this.lastBotMessage) {
      // Rasa sends a message's custom payload right after its text: explain that text.
      this.lastBotMessage.item.explanation = explanation;
      this.addExplanation(this.lastBotMessage.node, explanation);
      this.store.save(this.record);
      return;
    }
    if (!text && !choices.length && !explanation) return;
    this.add({ from: "bot", text: text, choices: choices, explanation: explanation });
  };

  Widget.prototype.add = function (item) {
    this.record.messages.push(item);
    this.store.save(this.record);
    this.render(item);
    this.scrollToEnd();
  };

  Widget.prototype.render = function (item) {
    var self = this;
    var fromBot = item.from === "bot";
    var node = el("div", { className: "cw-message " + (fromBot ? "cw-from-bot" : "cw-from-user") }, [
      el("span", { className: "cw-visually-hidden", text: fromBot ? "Assistant said:" : "You said:" }),
      item.text ? el("p", { className: "cw-bubble", text: item.text }) : null,
    ]);
    if (fromBot && item.choices && item.choices.length) {
      var group = el("div", { className: "cw-choices", role: "group", "aria-label": "Reply options" });
      item.choices.forEach(function (choice) {
        var button = el("button", {
          type: "button", className: "cw-choice", text: choice.title,
          "aria-pressed": item.chosen === choice.payload ? "true" : null,
        });
        button.disabled = !!item.chosen;
        button.addEventListener("click", function () {
          if (!self.send(choice.payload, choice.title)) return;
          item.chosen = choice.payload;
          self.store.save(self.record);
          Array.prototype.forEach.call(group.children, function (other) { other.disabled = true; });
          button.setAttribute("aria-pressed", "true");
          self.input.focus();
        });
        group.appendChild(button);
      });
      node.appendChild(group);
    }
    if (fromBot && item.explanation) this.addExplanation(node, item.explanation);
    this.log.appendChild(node);
    if (fromBot) this.lastBotMessage = { item: item, node: node };
  };

  Widget.prototype.addExplanation = function (node, explanation) {
    var panelId = uniqueId("why");
    var toggle = el("button", {
      type: "button", className: "cw-why", "aria-expanded": "false", "aria-controls": panelId, text: "Why this?",
    });
    var panel = el("div", { id: panelId, className: "cw-why-panel", hidden: true, role: "region", "aria-label": "Why this suggestion" });
    panel.appendChild(el("p", { className: "cw-why-title", text: "Why this suggestion" }));

    var suggestion = explanation.suggestion;
    if (Array.isArray(suggestion)) suggestion = suggestion.join(", ");
    if (suggestion) panel.appendChild(el("p", { className: "cw-why-suggestion", text: "Suggested: " + suggestion }));

    panel.appendChild(el("p", { className: "cw-why-heading", text: "Reasons" }));
    panel.appendChild(list("cw-why-reasons", explanation.reasons, "No reasons were given."));

    var used = (Array.isArray(explanation.data_used) ? explanation.data_used : []).map(function (field) {
      var name = String(field);
      return FIELD_WORDS[name] || name.charAt(0).toUpperCase() + name.slice(1).replace(/_/g, " ");
    });
    panel.appendChild(el("p", { className: "cw-why-heading", text: "Data used" }));
    panel.appendChild(list("cw-why-data", used, "None of your personal data."));

    var consent = explanation.consent;
    panel.appendChild(el("p", { className: "cw-why-heading", text: "Consent" }));
    panel.appendChild(el("p", {
      className: "cw-why-consent",
      text: consent && consent.purpose
        ? "You agreed to " + consent.purpose + " on " + formatDate(consent.granted_at) + ". You can withdraw it at any time."
        : "Not needed: no personal data was used.",
    }));

    toggle.addEventListener("click", function () {
      var opening = panel.hidden;
      panel.hidden = !opening;
      toggle.setAttribute("aria-expanded", opening ? "true" : "false");
      if (opening && panel.scrollIntoView) panel.scrollIntoView({ block: "nearest" });
    });
    panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        event.preventDefault();
        panel.hidden = true;
        toggle.setAttribute("aria-expanded", "false");
        toggle.focus();
      }
    });
    toggle.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !panel.hidden) {
        event.preventDefault();
        panel.hidden = true;
        toggle.setAttribute("aria-expanded", "false");
      }
    });
    node.appendChild(toggle);
    node.appendChild(panel);
  };

  function list(className, items, whenEmpty) {
    var entries = (Array.isArray(items) ? items : []).filter(function (entry) { return entry !== null && entry !== ""; });
    if (!entries.length) return el("p", { className: className, text: whenEmpty });
    return el("ul", { className: className }, entries.map(function (entry) { return el("li", { text: String(entry) }); }));
  }

  Widget.prototype.startWaiting = function () {
    var self = this;
    this.typing.hidden = false;
    this.scrollToEnd();
    clearTimeout(this.replyTimer);
    this.replyTimer = setTimeout(function () {
      self.typing.hidden = true;
      self.statusText.textContent = "No answer from the assistant. Please try again.";
      self.root.setAttribute("data-state", "error");
      self.retryButton.hidden = true;
    }, this.options.replyTimeoutMs);
  };

  Widget.prototype.stopWaiting = function () {
    clearTimeout(this.replyTimer);
    this.replyTimer = null;
    this.typing.hidden = true;
    if (this.state === "online" && this.root.getAttribute("data-state") !== "online") {
      this.setState("online");
    }
  };

  Widget.prototype.scrollToEnd = function () {
    this.log.scrollTop = this.log.scrollHeight;
  };

  Widget.prototype.clearConversation = function () {
    this.store.clear();
    this.record = { sessionId: null, messages: [], open: true };
    this.log.textContent = "";
    this.lastBotMessage = null;
    this.store.save(this.record);
    if (this.socket && this.socket.connected) this.socket.emit("session_request", { session_id: null });
    this.input.focus();
  };

  Widget.prototype.destroy = function () {
    this.destroyed = true;
    clearTimeout(this.replyTimer);
    if (this.socket) this.socket.disconnect();
    window.removeEventListener("online", this.onOnline);
    window.removeEventListener("offline", this.onOffline);
    this.root.remove();
  };

  // ---- public API ----------------------------------------------------------------------

  function init(options) {
    var settings = {
      server: String(options.server || "").replace(/\/+$/, ""),
      token: options.token || null,
      user: options.user || null,
      privacyUrl: options.privacyUrl || "/privacy",
      socketIoSrc: options.socketIoSrc || null,
      socketIoPath: options.socketIoPath || "/socket.io",
      replyTimeoutMs: Number(options.replyTimeoutMs) || REPLY_TIMEOUT_MS,
    };
    if (!settings.server) throw new Error("Candor widget: data-server (the Rasa server URL) is required");
    destroy();
    current = new Widget(settings);
    loadStyles();
    return current;
  }

  function destroy() {
    if (current) current.destroy();
    current = null;
  }

  window.CandorWidget = { init: init, destroy: destroy };

  if (thisScript && thisScript.getAttribute("data-server")) {
    var fromTag = {
      server: thisScript.getAttribute("data-server"),
      token: thisScript.getAttribute("data-token"),
      user: thisScript.getAttribute("data-user"),
      privacyUrl: thisScript.getAttribute("data-privacy-url"),
      socketIoSrc: thisScript.getAttribute("data-socketio-src"),
    };
    var start = function () { init(fromTag); };
    if (document.body) start();
    else document.addEventListener("DOMContentLoaded", start);
  }
})();
