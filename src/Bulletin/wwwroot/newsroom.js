// The script editor's behaviour, served as a file: the Content-Security-Policy allows no inline script.
// Read times follow the text as it is typed, counted as the server counts them (Core's ReadTime): Hangul
// syllables and digits, a syllable per two Latin letters, for Korean; words for English.
(function () {
    var form = document.getElementById('story-form');
    if (!form) return;
    function seconds(text, korean) {
        if (korean) {
            var n = 0, latin = 0;
            for (var i = 0; i < text.length; i++) {
                var c = text[i];
                if (/[A-Za-z]/.test(c)) { latin++; continue; }
                n += Math.floor((latin + 1) / 2); latin = 0;
                if ((c >= '\uAC00' && c <= '\uD7A3') || /[0-9]/.test(c)) n++;
            }
            n += Math.floor((latin + 1) / 2);
            return n / parseFloat(form.dataset.koRate) * 60;
        }
        var words = (text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) || []).length;
        return words / parseFloat(form.dataset.enRate) * 60;
    }
    function show(s) { s = Math.floor(s); return Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0'); }
    function update() {
        var korean = document.getElementById('language').value === 'ko';
        var total = 0;
        document.querySelectorAll('.segment-read-time').forEach(function (el) {
            var s = seconds(document.getElementById(el.dataset.for).value, korean);
            total += s;
            el.textContent = show(s);
        });
        total += seconds(document.getElementById('signoff').value, korean);
        document.getElementById('total-read-time').textContent = show(total);
    }
    form.addEventListener('input', update);
    form.addEventListener('change', update);
})();
// Autosave of drafts: posts the whole form a few seconds after the last change. It listens to "input" only,
// never to keys, so Korean IME composition is never disturbed.
(function () {
    var form = document.getElementById('story-form');
    if (!form || form.dataset.autosave !== 'on') return;
    var status = document.getElementById('autosave-status');
    var timer = null;
    form.addEventListener('input', function () {
        clearTimeout(timer);
        timer = setTimeout(save, 4000);
    });
    function save() {
        var data = new FormData(form);
        data.delete('op');
        fetch(location.pathname + '?handler=autosave', { method: 'POST', body: data, credentials: 'same-origin' })
            .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, status: r.status, body: j }; }); })
            .then(function (r) {
                if (r.ok && r.body.saved) {
                    document.getElementById('form-version').value = r.body.version;
                    status.textContent = form.dataset.textAutosaved + ' v' + r.body.version;
                } else if (r.status === 409) {
                    status.textContent = form.dataset.textConflict;
                }
            })
            .catch(function () { status.textContent = form.dataset.textFailed; });
    }
})();
