// Tòa Soạn newsroom: plain JavaScript, no dependencies. Everything here is an improvement on forms that already
// work without it: the Markdown toolbar, the image and related-article pickers, the live preview, autosave, a copy
// of unsaved text kept in this browser, and renewal of the edit lock.
"use strict";
(function () {
  var csrf = document.body.getAttribute("data-csrf") || "";
  var form = document.getElementById("article-form");
  if (!form) return;

  function post(url, body, accept) {
    return fetch(url, {
      method: "POST", credentials: "same-origin", body: body,
      headers: { "X-CSRF-Token": csrf, "Accept": accept || "application/json" }
    });
  }
  function formBody() { return new URLSearchParams(new FormData(form)); }
  function debounce(fn, ms) {
    var timer = null;
    return function () { clearTimeout(timer); timer = setTimeout(fn, ms); };
  }
  function field(name) { return form.elements[name]; }
  var status = form.querySelector(".save-status");
  function say(text, isError) {
    if (!status) return;
    status.textContent = text;
    status.classList.toggle("error", !!isError);
  }

  // Markdown toolbar.
  var body = field("body");
  function wrap(before, after, placeholder) {
    var start = body.selectionStart, end = body.selectionEnd;
    var chosen = body.value.slice(start, end) || placeholder;
    body.setRangeText(before + chosen + after, start, end, "select");
    body.setSelectionRange(start + before.length, start + before.length + chosen.length);
    body.focus();
    body.dispatchEvent(new Event("input", { bubbles: true }));
  }
  function prefixLines(prefix) {
    var start = body.value.lastIndexOf("\n", body.selectionStart - 1) + 1;
    var end = body.selectionEnd;
    var lines = body.value.slice(start, end).split("\n").map(function (line) { return prefix + line; });
    body.setRangeText(lines.join("\n"), start, end, "end");
    body.focus();
    body.dispatchEvent(new Event("input", { bubbles: true }));
  }
  var picking = null;
  form.querySelectorAll("[data-md]").forEach(function (button) {
    button.addEventListener("click", function () {
      switch (button.getAttribute("data-md")) {
        case "bold": wrap("**", "**", "chữ đậm"); break;
        case "italic": wrap("*", "*", "chữ nghiêng"); break;
        case "link":
          var url = window.prompt("Địa chỉ liên kết (https://…)", "https://");
          if (url) wrap("[", "](" + url + ")", "chữ liên kết");
          break;
        case "heading": prefixLines("## "); break;
        case "quote": prefixLines("> "); break;
        case "list": prefixLines("- "); break;
        case "image": openPicker("body"); break;
      }
    });
  });

  // Image picker (media library).
  var dialog = document.getElementById("media-picker");
  var results = dialog && dialog.querySelector("[data-media-results]");
  var search = dialog && dialog.querySelector("[data-media-search]");
  function loadMedia() {
    fetch("/toa-soan/thu-vien-anh/tim?q=" + encodeURIComponent(search.value), { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        results.textContent = "";
        (data.items || []).forEach(function (item) {
          var li = document.createElement("li");
          var button = document.createElement("button");
          button.type = "button";
          var img = document.createElement("img");
          img.src = item.thumb; img.alt = item.alt; img.loading = "lazy";
          var caption = document.createElement("p");
          caption.textContent = (item.caption || item.alt) + (item.credit ? " (Ảnh: " + item.credit + ")" : "");
          button.appendChild(img); button.appendChild(caption);
          button.addEventListener("click", function () { choose(item); });
          li.appendChild(button);
          results.appendChild(li);
        });
        if (!results.children.length) results.textContent = "Không tìm thấy ảnh nào.";
      });
  }
  function openPicker(target) {
    if (!dialog) return;
    picking = target;
    dialog.showModal();
    loadMedia();
    search.focus();
  }
  function choose(item) {
    dialog.close();
    if (picking === "featured") {
      field("featured").value = item.src;
      field("featured").dispatchEvent(new Event("input", { bubbles: true }));
    } else {
      var alt = item.alt.replace(/[\[\]]/g, "");
      wrap("\n\n![" + alt + "](" + item.src + ")\n\n", "", "");
    }
  }
  if (search) search.addEventListener("input", debounce(loadMedia, 300));
  form.querySelectorAll("[data-pick]").forEach(function (button) {
    button.addEventListener("click", function () { openPicker(button.getAttribute("data-pick")); });
  });

  // Related articles: search published articles and add their numbers.
  var relatedSearch = form.querySelector("[data-related-search]");
  var relatedResults = form.querySelector(".related-results");
  if (relatedSearch) {
    relatedSearch.addEventListener("input", debounce(function () {
      if (!relatedSearch.value.trim()) { relatedResults.textContent = ""; return; }
      fetch("/toa-soan/tim-bai?q=" + encodeURIComponent(relatedSearch.value), { credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (r) { return r.json(); })
        .then(function (data) {
          relatedResults.textContent = "";
          (data.items || []).forEach(function (item) {
            var li = document.createElement("li");
            var text = document.createElement("span");
            text.textContent = "#" + item.id + " " + item.title + " · " + item.section;
            var add = document.createElement("button");
            add.type = "button"; add.className = "button"; add.textContent = "Thêm";
            add.addEventListener("click", function () {
              var ids = field("related").value.split(",").map(function (s) { return s.trim(); }).filter(Boolean);
              if (ids.indexOf(String(item.id)) < 0) ids.push(String(item.id));
              field("related").value = ids.join(", ");
              field("related").dispatchEvent(new Event("input", { bubbles: true }));
              li.remove();
            });
            li.appendChild(text); li.appendChild(add);
            relatedResults.appendChild(li);
          });
        });
    }, 300));
  }

  // Live preview: the page as readers will see it, rendered by the server with the site's theme.
  var frame = document.querySelector("iframe.preview");
  var refreshPreview = debounce(function () {
    if (!frame) return;
    post(form.getAttribute("data-preview"), formBody(), "text/html")
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) { if (html !== null) frame.srcdoc = html; });
  }, 700);

  // A copy of what is typed, kept in this browser until it is saved: nothing is lost to an expired session.
  var key = "toasoan:bai:" + (form.getAttribute("data-article") || "moi");
  function snapshot() {
    var data = {};
    new FormData(form).forEach(function (value, name) { if (name !== "_csrf") data[name] = value; });
    return data;
  }
  function keepCopy() {
    try { localStorage.setItem(key, JSON.stringify({ at: new Date().toISOString(), fields: snapshot() })); } catch (e) {}
  }
  function dropCopy() { try { localStorage.removeItem(key); } catch (e) {} }
  if (/[?&]da-luu=1/.test(location.search)) dropCopy();
  try {
    var saved = JSON.parse(localStorage.getItem(key) || "null");
    var current = snapshot();
    var differs = saved && Object.keys(saved.fields).some(function (name) { return name !== "version" && current[name] !== undefined && saved.fields[name] !== current[name]; });
    if (differs) {
      var banner = document.createElement("div");
      banner.className = "lock-notice";
      banner.setAttribute("role", "status");
      banner.textContent = "Trình duyệt này còn giữ một bản bạn gõ nhưng chưa lưu (lúc " + new Date(saved.at).toLocaleString("vi-VN") + "). ";
      var restore = document.createElement("button");
      restore.type = "button"; restore.className = "button primary"; restore.textContent = "Khôi phục bản chưa lưu";
      var discard = document.createElement("button");
      discard.type = "button"; discard.className = "button"; discard.textContent = "Bỏ";
      restore.addEventListener("click", function () {
        Object.keys(saved.fields).forEach(function (name) {
          if (name !== "version" && name !== "id" && field(name)) field(name).value = saved.fields[name];
        });
        banner.remove();
        refreshPreview();
      });
      discard.addEventListener("click", function () { dropCopy(); banner.remove(); });
      banner.appendChild(restore); banner.appendChild(document.createTextNode(" ")); banner.appendChild(discard);
      form.parentNode.insertBefore(banner, form);
    }
  } catch (e) {}

  // Autosave: a quiet save a few seconds after typing stops (each save is a revision, as in the history).
  var dirty = false;
  function showFieldErrors(fields) {
    form.querySelectorAll(".field-error.js").forEach(function (el) { el.remove(); });
    form.querySelectorAll(".field.has-error").forEach(function (el) { el.classList.remove("has-error"); });
    Object.keys(fields || {}).forEach(function (name) {
      var box = form.querySelector('[data-field="' + name + '"]');
      if (!box) return;
      box.classList.add("has-error");
      var p = document.createElement("p");
      p.className = "field-error js";
      p.textContent = fields[name];
      box.appendChild(p);
    });
  }
  var autosave = debounce(function () {
    if (!dirty || form.getAttribute("data-autosave") !== "on") return;
    dirty = false;
    say("Đang lưu…");
    post(form.getAttribute("action"), formBody()).then(function (r) {
      return r.json().then(function (data) { return { status: r.status, data: data }; });
    }).then(function (answer) {
      if (answer.status === 200) {
        field("version").value = answer.data.version;
        showFieldErrors({});
        dropCopy();
        say("Đã tự lưu lúc " + answer.data.savedAt + " (bản " + answer.data.version + ").");
      } else if (answer.status === 422) {
        showFieldErrors(answer.data.fields);
        say(answer.data.error || "Chưa lưu được.", true);
      } else {
        var message = (answer.data.error && answer.data.error.message) || "Chưa lưu được.";
        say(message, true);
      }
    }).catch(function () { say("Mất kết nối: chưa lưu được. Nội dung vẫn được giữ trên máy này.", true); });
  }, 8000);

  form.addEventListener("input", function () {
    dirty = true;
    keepCopy();
    refreshPreview();
    autosave();
  });
  refreshPreview();

  // Keep the edit lock while the page is open.
  var lockURL = form.getAttribute("data-lock");
  if (lockURL && form.getAttribute("data-autosave") === "on") {
    setInterval(function () {
      post(lockURL, "").then(function (r) { return r.json(); }).then(function (data) {
        if (data.held === false) {
          form.setAttribute("data-autosave", "off");
          say((data.notice || "Bài đang được người khác sửa") + ": tự lưu đã dừng. Tải lại trang để xem bản mới.", true);
        }
      }).catch(function () {});
    }, 60000);
  }
})();
