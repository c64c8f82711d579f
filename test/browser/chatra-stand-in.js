/*
 * Stand-in for https://call.chatra.io/chatra.js (the real one can't be reached from the tests).
 * It keeps the documented loader contract (research/chatra.md §1): it reads window.ChatraID and
 * window.ChatraSetup, drains the calls queued in Chatra.q, replaces window.Chatra with a function
 * whose methods are own properties (the real script's `restart` among them), and draws #chatra,
 * Chatra's round button at the bottom right, its frame inside. What it saw goes to window.__chatra for the tests.
 */
(function () {
  var w = window,
    d = document;
  var queued = (w.Chatra && w.Chatra.q) || [];
  var seen = (w.__chatra = { id: w.ChatraID, setup: w.ChatraSetup, calls: [], queued: queued.length });
  var Chatra = function (method) {
    seen.calls.push(Array.prototype.slice.call(arguments));
    // Chatra('restart') starts the widget again with window.ChatraSetup as it is now (how Chatra's npm
    // module applies new settings): what it read, and a new #chatra in place of the old.
    // hide and show: the widget out of sight and back, as Chatra does.
    if ((method === 'hide' || method === 'show') && d.getElementById('chatra')) {
      d.getElementById('chatra').style.display = method === 'hide' ? 'none' : '';
    }
    if (method === 'restart') {
      seen.setup = w.ChatraSetup;
      var old = d.getElementById('chatra');
      if (old) old.remove();
      draw();
    }
  };
  ['openChat', 'pageView', 'setLocale', 'sendAutoMessage', 'restart', 'kill', 'show', 'hide', 'expandWidget', 'minimizeWidget'].forEach(
    function (name) {
      Chatra[name] = function () {};
    },
  );
  w.Chatra = Chatra;
  queued.forEach(function (args) {
    Chatra.apply(null, args);
  });
  function draw() {
    var button = d.createElement('div');
    button.id = 'chatra';
    button.style.position = 'fixed';
    button.style.right = '20px';
    button.style.bottom = '20px';
    button.style.width = '60px';
    button.style.height = '60px';
    button.style.borderRadius = '50%';
    button.style.background = '#1b66c9';
    // Chatra's widget is a frame in #chatra (its button and chat window are the frame's page).
    var frame = d.createElement('iframe');
    frame.title = 'Chat';
    frame.style.cssText = 'width:100%;height:100%;border:0;border-radius:50%';
    button.appendChild(frame);
    d.body.appendChild(button);
  }
  if (d.body) draw();
  else d.addEventListener('DOMContentLoaded', draw);
})();
