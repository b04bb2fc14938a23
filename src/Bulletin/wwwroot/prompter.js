// The prompter: follows the rundown live (BulletinLive from rundown.js), keeps the reading place when a script
// changes, jumps to the item on air after a Take, and scrolls by keyboard, mouse wheel and foot pedal (pedals
// arrive as keys: PageDown/PageUp, arrows, B/N). Settings start from the address (?size=&mirror=&marker=&follow=).
(function () {
    var root = document.getElementById('prompter');
    if (!root || !window.BulletinLive) return;
    var view = document.getElementById('prompter-view');
    var scroller = document.getElementById('prompter-scroll');
    var marker = document.getElementById('prompter-marker');
    var state = {
        size: Number(root.dataset.size) || 64,
        mirrorH: root.dataset.mirror.indexOf('h') >= 0,
        mirrorV: root.dataset.mirror.indexOf('v') >= 0,
        marker: Number(root.dataset.marker) || 30,
        follow: root.dataset.follow !== 'off',
        speed: 2,
        running: false
    };

    function text() { return document.getElementById('prompter-text'); }
    function markerY() { return scroller.clientHeight * state.marker / 100; }
    function layout() {
        text().style.fontSize = state.size + 'px';
        view.style.transform = (state.mirrorH ? 'scaleX(-1) ' : '') + (state.mirrorV ? 'scaleY(-1)' : '');
        marker.style.top = state.marker + '%';
        root.dataset.follow = state.follow ? 'on' : 'off';
        root.dataset.mirrorApplied = (state.mirrorH ? 'h' : '') + (state.mirrorV ? 'v' : '');
    }
    // The item whose text is under the reading marker, and how far into it the marker reads.
    function place() {
        var y = scroller.scrollTop + markerY(), found = null;
        text().querySelectorAll('section[data-item]').forEach(function (s) { if (s.offsetTop <= y) found = s; });
        return found ? { item: found.dataset.item, into: y - found.offsetTop } : null;
    }
    function goTo(itemId, into) {
        var section = text().querySelector('section[data-item="' + itemId + '"]');
        if (section) scroller.scrollTop = section.offsetTop + (into || 0) - markerY();
    }
    function onAir() { return text().dataset.onair || ''; }

    function apply(doc) {
        var fresh = doc.getElementById('prompter-text');
        if (!fresh) return;
        var before = place(), wasOnAir = onAir();
        text().replaceWith(fresh);
        layout();
        if (state.follow && onAir() && onAir() !== wasOnAir) goTo(onAir(), 0);
        else if (before) goTo(before.item, before.into);
        if (live) live.restories();
    }

    var refresh = BulletinLive.refresher(function () { return location.pathname + '?handler=text'; }, apply);
    var status = document.getElementById('live-status');
    var live = null;
    live = BulletinLive.connect(root.dataset.rundown, function () {
        return Array.prototype.map.call(text().querySelectorAll('section[data-story]'), function (s) { return s.dataset.story; });
    // What a studio device says of a line changes nothing the prompter shows.
    }, function (what) { if (what !== 'studio') refresh(); }, function (up) {
        if (status) status.className = up ? 'live-on' : 'live-off';
    });

    function step(pixels) { scroller.scrollTop += pixels; }
    function tick() {
        if (!state.running) return;
        step(state.speed);
        requestAnimationFrame(tick);
    }

    document.addEventListener('keydown', function (e) {
        var line = state.size * 1.4, screen = scroller.clientHeight * 0.8;
        switch (e.key) {
            case 'ArrowDown': case 'j': case 'n': case 'N': step(line); break;
            case 'ArrowUp': case 'k': case 'b': case 'B': step(-line); break;
            case 'PageDown': step(screen); break;
            case 'PageUp': step(-screen); break;
            case 'Home': if (onAir()) goTo(onAir(), 0); else scroller.scrollTop = 0; break;
            case ' ': state.running = !state.running; if (state.running) requestAnimationFrame(tick); break;
            case '+': case '=': state.speed = Math.min(state.speed + 1, 20); break;
            case '-': case '_': state.speed = Math.max(state.speed - 1, 0); break;
            case ']': state.size = Math.min(state.size + 8, 240); layout(); break;
            case '[': state.size = Math.max(state.size - 8, 16); layout(); break;
            case 'h': case 'H': state.mirrorH = !state.mirrorH; layout(); break;
            case 'v': case 'V': state.mirrorV = !state.mirrorV; layout(); break;
            case 't': case 'T': state.follow = !state.follow; layout(); break;
            case ',': case '<': state.marker = Math.max(state.marker - 5, 5); layout(); break;
            case '.': case '>': state.marker = Math.min(state.marker + 5, 95); layout(); break;
            case 'f': case 'F':
                if (document.fullscreenElement) document.exitFullscreen(); else root.requestFullscreen().catch(function () { });
                break;
            default: return;
        }
        e.preventDefault();
    });
    // The wheel scrolls the script the way it is read, whichever way the picture is mirrored.
    root.addEventListener('wheel', function (e) {
        e.preventDefault();
        step(e.deltaMode === 1 ? e.deltaY * state.size : e.deltaY);
    }, { passive: false });

    layout();
    if (onAir()) goTo(onAir(), 0);
})();
