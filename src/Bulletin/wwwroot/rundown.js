// The rundown grid and the prompter, live: a small client of ASP.NET Core SignalR's JSON hub protocol over a
// WebSocket (a handshake, then records ending in 0x1E), enough to hear the hub's "rundown", "story" and "studio"
// (a device's word on a line) news.
// The page works without it: every change is also a form that posts and redirects.
(function () {
    var RS = '\u001e';

    // Opens the hub, watches one rundown and its stories, and calls onNews after each change (and after a
    // reconnect, since news may have been missed meanwhile). Reconnects with a growing pause.
    function connect(rundownId, storyIds, onNews, onState) {
        var socket = null, pinger = null, pause = 500, closed = false, stories = storyIds(), invocations = 0, watching = null;
        function open() {
            var url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/newsroom/live';
            socket = new WebSocket(url);
            var handshaken = false, reconnecting = pause > 500;
            socket.onopen = function () { socket.send(JSON.stringify({ protocol: 'json', version: 1 }) + RS); };
            socket.onmessage = function (event) {
                String(event.data).split(RS).forEach(function (record) {
                    if (!record) return;
                    var message = JSON.parse(record);
                    if (!handshaken) {
                        if (message.error) { socket.close(); return; }
                        handshaken = true;
                        pause = 500;
                        watch();
                        // The server closes a connection it has not heard from in 30 s.
                        pinger = setInterval(function () { send({ type: 6 }); }, 10000);
                        return;
                    }
                    // The page is live once the hub has it listening (Watch completed): news sent before then
                    // would not reach it, so only then does it say so.
                    if (message.type === 3 && message.invocationId === watching) {
                        if (message.error) { socket.close(); return; }
                        onState(true);
                        // What changed while it was away is fetched once it hears of changes again.
                        if (reconnecting) { reconnecting = false; onNews('reconnected'); }
                        return;
                    }
                    if (message.type === 1 && (message.target === 'rundown' || message.target === 'story' || message.target === 'studio')) onNews(message.target, message.arguments);
                    if (message.type === 7) socket.close();
                });
            };
            socket.onclose = function () {
                clearInterval(pinger);
                onState(false);
                if (closed) return;
                setTimeout(open, pause);
                pause = Math.min(pause * 2, 10000);
            };
        }
        function send(message) { if (socket && socket.readyState === 1) socket.send(JSON.stringify(message) + RS); }
        function watch() {
            watching = String(++invocations);
            send({ type: 1, invocationId: watching, target: 'Watch', arguments: [rundownId, stories] });
        }
        open();
        return {
            // Called after a refresh: a story newly on the rundown is listened to as well.
            restories: function () {
                var now = storyIds();
                if (now.some(function (id) { return stories.indexOf(id) < 0; })) { stories = now; watch(); }
            },
            close: function () { closed = true; if (socket) socket.close(); }
        };
    }

    // Korean input methods compose a syllable in the field before committing it; replacing or moving a field
    // mid-composition drops or doubles what was typed, so refreshes wait for the composition to end.
    var composing = false, afterComposing = [];
    document.addEventListener('compositionstart', function () { composing = true; }, true);
    document.addEventListener('compositionend', function () {
        composing = false;
        var waiting = afterComposing; afterComposing = [];
        waiting.forEach(function (f) { f(); });
    }, true);
    function whenNotComposing(f) { if (composing) afterComposing.push(f); else f(); }

    // Fetches the page's fragment again at most once at a time, once more if news came while it was fetching.
    function refresher(url, apply) {
        var busy = false, again = false;
        function run() {
            if (busy) { again = true; return; }
            busy = true; again = false;
            fetch(url(), { credentials: 'same-origin', headers: { 'X-Bulletin-Fragment': '1' } })
                .then(function (r) { return r.ok ? r.text() : null; })
                .then(function (html) {
                    if (html === null) return;
                    whenNotComposing(function () { apply(new DOMParser().parseFromString(html, 'text/html')); });
                })
                .catch(function () { })
                .then(function () { busy = false; if (again) run(); });
        }
        return run;
    }

    window.BulletinLive = { connect: connect, refresher: refresher, whenNotComposing: whenNotComposing };

    var root = document.getElementById('rundown');
    if (!root) return;
    var rundownId = root.dataset.rundown;
    var status = document.getElementById('live-status');
    var announce = document.getElementById('rundown-announce');

    function grid() { return document.getElementById('rundown-grid'); }
    function storyIds() {
        return Array.prototype.map.call(document.querySelectorAll('#rundown-grid tr[data-story]'), function (r) { return r.dataset.story; });
    }

    // Puts the new grid in place. The row holding the focus (a slug being typed) is never moved or replaced: the
    // other rows are placed around it, and only its cells without the focus are brought up to date.
    function apply(doc) {
        var fresh = doc.getElementById('rundown-grid');
        if (!fresh) return;
        var version = fresh.dataset.version;
        var old = grid();
        var active = document.activeElement;
        var keep = active && old.contains(active) && active.closest('tr[data-item]');
        var freshKeep = keep && fresh.querySelector('tr[data-item="' + keep.dataset.item + '"]');
        if (!keep || !freshKeep || active === keep) {
            var focusedItem = keep ? keep.dataset.item : null;
            old.replaceWith(fresh);
            if (focusedItem) {
                var row = fresh.querySelector('tr[data-item="' + focusedItem + '"]');
                if (row) row.focus();
            }
        } else {
            // Everything outside the table body (the totals) is replaced; inside it, the rows around the kept one.
            var oldBody = old.querySelector('tbody'), freshBody = fresh.querySelector('tbody');
            Array.prototype.forEach.call(old.children, function (child, i) {
                if (!child.contains(keep)) child.replaceWith(fresh.children[i].cloneNode(true));
            });
            var table = old.querySelector('table'), freshTable = fresh.querySelector('table');
            Array.prototype.forEach.call(table.children, function (part, i) {
                if (part !== oldBody && freshTable.children[i]) part.replaceWith(freshTable.children[i].cloneNode(true));
            });
            var before = true;
            Array.prototype.slice.call(oldBody.children).forEach(function (r) { if (r !== keep) r.remove(); });
            Array.prototype.slice.call(freshBody.children).forEach(function (r) {
                if (r === freshKeep) { before = false; return; }
                if (before) oldBody.insertBefore(r, keep); else oldBody.appendChild(r);
            });
            Array.prototype.forEach.call(freshKeep.children, function (cell, i) {
                var mine = keep.children[i];
                if (mine && !mine.contains(active)) mine.replaceWith(cell.cloneNode(true));
            });
            keep.className = freshKeep.className;
            keep.dataset.position = freshKeep.dataset.position;
        }
        // The page's other forms (add, workflow) go on from the version now on screen.
        grid().dataset.version = version;
        root.dataset.version = version;
        root.querySelectorAll('input[name=version]').forEach(function (input) { input.value = version; });
        if (live) live.restories();
    }

    var refresh = refresher(function () { return location.pathname + '?handler=grid'; }, apply);
    var live = null;
    live = connect(rundownId, storyIds, function (what, args) {
        if (what === 'rundown' && args && String(args[1]) === root.dataset.version) return;
        refresh();
    }, function (up) {
        if (!status) return;
        status.textContent = up ? status.dataset.on : status.dataset.off;
        status.className = up ? 'live-on' : 'live-off';
    });

    // Moves by keyboard and drag post the same form the Up/Down buttons do, without leaving the page.
    var moveForm = document.getElementById('move-form');
    function move(itemId, position) {
        if (!moveForm) return;
        var data = new FormData(moveForm);
        data.set('item', itemId);
        data.set('position', position);
        data.set('version', root.dataset.version);
        return fetch(moveForm.action, { method: 'POST', body: data, credentials: 'same-origin', headers: { 'X-Bulletin-Fragment': '1' } })
            .then(function (r) { return r.text().then(function (t) { return { ok: r.ok, text: t }; }); })
            .then(function (r) {
                if (!r.ok && announce) announce.textContent = r.text;
                return new Promise(function (done) {
                    refresher(function () { return location.pathname + '?handler=grid'; }, function (doc) {
                        apply(doc);
                        var row = grid().querySelector('tr[data-item="' + itemId + '"]');
                        if (row) {
                            row.focus();
                            if (r.ok && announce) announce.textContent = row.dataset.page + ' ' + row.dataset.slug + ' → ' + (Number(row.dataset.position) + 1);
                        }
                        done();
                    })();
                });
            });
    }

    document.addEventListener('keydown', function (e) {
        var row = e.target.closest && e.target.closest('#rundown-grid tr[data-item]');
        if (!row || e.target !== row || !row.draggable) return;
        if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
            e.preventDefault();
            var to = Number(row.dataset.position) + (e.key === 'ArrowUp' ? -1 : 1);
            if (to >= 0 && to < Number(grid().dataset.count)) move(row.dataset.item, to);
        } else if (!e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
            e.preventDefault();
            var rows = Array.prototype.slice.call(grid().querySelectorAll('tr[data-item]'));
            var next = rows[rows.indexOf(row) + (e.key === 'ArrowUp' ? -1 : 1)];
            if (next) next.focus();
        }
    });

    var dragged = null;
    document.addEventListener('dragstart', function (e) {
        var row = e.target.closest && e.target.closest('#rundown-grid tr[data-item]');
        if (!row) return;
        dragged = row.dataset.item;
        e.dataTransfer.effectAllowed = 'move';
        e.dataTransfer.setData('text/plain', dragged);
        row.classList.add('dragging');
    });
    document.addEventListener('dragover', function (e) {
        var row = dragged && e.target.closest && e.target.closest('#rundown-grid tr[data-item]');
        if (row) { e.preventDefault(); e.dataTransfer.dropEffect = 'move'; }
    });
    document.addEventListener('drop', function (e) {
        var row = dragged && e.target.closest && e.target.closest('#rundown-grid tr[data-item]');
        if (!row) return;
        e.preventDefault();
        var item = dragged; dragged = null;
        if (row.dataset.item !== item) move(item, Number(row.dataset.position));
    });
    document.addEventListener('dragend', function () {
        dragged = null;
        var d = document.querySelector('#rundown-grid tr.dragging');
        if (d) d.classList.remove('dragging');
    });
})();
