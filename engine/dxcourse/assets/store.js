/*
 * The site's one progress record in the browser. Format: see RECORD-FORMAT.md.
 *
 * Every widget reads and writes here through DX.store, each under its own key prefix
 * ("checklist/step-1/item-id", "tree/rpa-now", ...). Nothing is ever deleted by a widget:
 * unticking stores false with a time, so that merging two records keeps the newest change,
 * and an item removed from the content stays in the record.
 */
(function () {
  "use strict";

  var FORMAT = "jichitai-dx-progress";
  var VERSION = 1;
  var MAX_IMPORT_BYTES = 1024 * 1024;
  var MAX_KEY = 200;
  var MAX_TEXT = 20000;
  var KEY_PATTERN = /^[a-z0-9][a-z0-9_.:/-]*$/;

  function siteId() {
    var meta = document.querySelector('meta[name="dx-site-id"]');
    return (meta && meta.getAttribute("content")) || "dx-site";
  }

  /* Inside an LMS (scorm.js, loaded first) each LMS learner has a record of their own, so
     that people who share a PC never see or send each other's progress. */
  function scope() {
    var name = window.DX && window.DX.storeScope;
    return typeof name === "string" && /^[a-z0-9-]{1,40}$/.test(name) ? ":" + name : "";
  }

  var storageKey = "dx:" + siteId() + scope() + ":progress";
  var exportedKey = "dx:" + siteId() + scope() + ":exported";
  var memoryExported = null;
  var memory = null; // the record, when storage cannot be used
  var storage = probeStorage();
  var recovered = null; // { backupKey, reason } when a damaged record was set aside this load

  function probeStorage() {
    try {
      var probe = "dx:probe:" + Math.random();
      window.localStorage.setItem(probe, probe);
      var ok = window.localStorage.getItem(probe) === probe;
      window.localStorage.removeItem(probe);
      return ok ? window.localStorage : null;
    } catch (error) {
      return null;
    }
  }

  function now() {
    return new Date().toISOString();
  }

  /* An item of the record, or undefined. Keys come from files and other tabs: "constructor"
     must find nothing rather than the Object function every plain object inherits. */
  function own(items, key) {
    return Object.prototype.hasOwnProperty.call(items, key) ? items[key] : undefined;
  }

  function emptyRecord() {
    return { format: FORMAT, version: VERSION, site: siteId(), updated: now(), items: {} };
  }

  /* Returns null when `record` is acceptable, else a plain-Japanese reason. */
  function problemWith(record) {
    if (!record || typeof record !== "object" || Array.isArray(record)) return "記録の形式ではありません。";
    if (record.format !== FORMAT) return "このサイトの進捗記録ではありません。";
    if (record.version !== VERSION) return "対応していない版の記録です(版: " + String(record.version).slice(0, 20) + ")。";
    if (typeof record.site !== "string") return "サイトの識別名がありません。";
    if (!record.items || typeof record.items !== "object" || Array.isArray(record.items)) return "項目の一覧がありません。";
    var keys = Object.keys(record.items);
    for (var i = 0; i < keys.length; i++) {
      var key = keys[i];
      var entry = record.items[key];
      if (key.length > MAX_KEY || !KEY_PATTERN.test(key)) return "項目の名前が正しくありません: " + key.slice(0, 60);
      if (!entry || typeof entry !== "object" || Array.isArray(entry)) return "項目の中身が正しくありません: " + key;
      if (typeof entry.at !== "string" || isNaN(Date.parse(entry.at))) return "項目の日時が正しくありません: " + key;
      var problem = valueProblem(entry.value, 0);
      if (problem) return problem + ": " + key;
    }
    return null;
  }

  function valueProblem(value, depth) {
    if (depth > 4) return "項目の入れ子が深すぎます";
    if (value === null || typeof value === "boolean" || typeof value === "number") return null;
    if (typeof value === "string") return value.length > MAX_TEXT ? "文字が長すぎます" : null;
    if (typeof value === "object") {
      var keys = Object.keys(value);
      if (keys.length > 200) return "項目が多すぎます";
      for (var i = 0; i < keys.length; i++) {
        var problem = valueProblem(value[keys[i]], depth + 1);
        if (problem) return problem;
      }
      return null;
    }
    return "使えない値があります";
  }

  /* Reads the record. A damaged one is set aside under a backup key, never dropped. */
  function read() {
    if (!storage) return memory || (memory = emptyRecord());
    var text;
    try {
      text = storage.getItem(storageKey);
    } catch (error) {
      // Unreadable now: never write over what may still be there.
      storage = null;
      return memory || (memory = emptyRecord());
    }
    if (text === null) return emptyRecord();
    var record = null;
    var reason;
    try {
      record = JSON.parse(text);
      reason = problemWith(record);
    } catch (error) {
      reason = "記録を読み取れません(JSONとして壊れています)。";
    }
    if (!reason) return record;
    var backupKey = storageKey + ":backup:" + now();
    try {
      storage.setItem(backupKey, text);
      storage.removeItem(storageKey);
    } catch (error) {
      // Cannot set it aside: leave it in place untouched and work in memory.
      storage = null;
      memory = emptyRecord();
      recovered = { backupKey: null, reason: reason };
      return memory;
    }
    recovered = { backupKey: backupKey, reason: reason };
    return emptyRecord();
  }

  function write(record) {
    record.updated = now();
    if (storage) {
      try {
        storage.setItem(storageKey, JSON.stringify(record));
      } catch (error) {
        // Quota or a storage switched off mid-session: keep working in memory and say so.
        storage = null;
      }
    }
    if (!storage) memory = record;
    notify();
  }

  function notify() {
    document.dispatchEvent(new CustomEvent("dx:progress-change", { detail: { persistent: storage !== null } }));
  }

  /* Newest change to each item wins; items only one side has are kept. */
  function merge(base, incoming) {
    var merged = JSON.parse(JSON.stringify(base));
    var changed = 0;
    Object.keys(incoming.items).forEach(function (key) {
      var mine = own(merged.items, key);
      var theirs = incoming.items[key];
      if (!mine || Date.parse(theirs.at) > Date.parse(mine.at)) {
        merged.items[key] = { value: theirs.value, at: theirs.at };
        changed++;
      }
    });
    return { record: merged, changed: changed };
  }

  window.addEventListener("storage", function (event) {
    if (event.key === storageKey) notify();
  });

  window.DX = window.DX || {};
  window.DX.store = {
    FORMAT: FORMAT,
    VERSION: VERSION,
    MAX_IMPORT_BYTES: MAX_IMPORT_BYTES,
    key: storageKey,
    persistent: function () {
      read(); // a record that cannot be set aside switches to memory
      return storage !== null;
    },
    recovered: function () {
      read(); // damage is found, and set aside, on the first read
      return recovered;
    },
    get: function (key) {
      var entry = own(read().items, key);
      return entry ? entry.value : undefined;
    },
    entry: function (key) {
      return own(read().items, key);
    },
    /* Sets several keys at once: { key: value, ... }. Returns null, or the reason nothing was
       written: a value the format does not allow would make the whole record unreadable. */
    set: function (values) {
      var keys = Object.keys(values);
      for (var i = 0; i < keys.length; i++) {
        var key = keys[i];
        if (key.length > MAX_KEY || !KEY_PATTERN.test(key)) return "項目の名前が正しくありません: " + key.slice(0, 60);
        var problem = valueProblem(values[key], 0);
        if (problem) return problem;
      }
      var record = read();
      var at = now();
      keys.forEach(function (key) {
        record.items[key] = { value: values[key], at: at };
      });
      write(record);
      return null;
    },
    entries: function (prefix) {
      var items = read().items;
      var out = Object.create(null);
      Object.keys(items).forEach(function (key) {
        if (!prefix || key.indexOf(prefix) === 0) out[key] = items[key];
      });
      return out;
    },
    exportRecord: function () {
      return read();
    },
    /* The time the record was last saved to a file, kept beside it (not in it: an import
       must not change it). ISO string or null. */
    lastExported: function () {
      try {
        return (storage && storage.getItem(exportedKey)) || memoryExported;
      } catch (error) {
        return memoryExported;
      }
    },
    markExported: function () {
      memoryExported = now();
      try {
        if (storage) storage.setItem(exportedKey, memoryExported);
      } catch (error) {
        // Kept for this session only; the record itself is unaffected.
      }
      notify();
    },
    /* Parses and checks an imported text; returns { error } or { changed }. */
    importText: function (text) {
      var incoming;
      try {
        incoming = JSON.parse(String(text).replace(/^\ufeff/, "")); // Notepad saves a BOM
      } catch (error) {
        return { error: "JSONとして読み取れないファイルです。" };
      }
      var problem = problemWith(incoming);
      if (problem) return { error: problem };
      if (incoming.site !== siteId()) {
        return { error: "別のサイト(" + incoming.site.slice(0, 60) + ")の記録です。このサイトの記録を選んでください。" };
      }
      var result = merge(read(), incoming);
      write(result.record);
      return { changed: result.changed };
    },
    /* Keys of damaged records set aside on this PC, oldest first. */
    backups: function () {
      var keys = [];
      try {
        for (var i = 0; i < window.localStorage.length; i++) {
          var key = window.localStorage.key(i);
          if (key.indexOf(storageKey + ":backup:") === 0) keys.push(key);
        }
      } catch (error) {
        return [];
      }
      return keys.sort();
    },
    backupText: function (key) {
      try {
        return window.localStorage.getItem(key);
      } catch (error) {
        return null;
      }
    },
  };
})();
