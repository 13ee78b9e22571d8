// The operations console: reads and steers the worker through /api/admin only.
// The token stays in this module and in localStorage (so a reload keeps the operator signed in);
// it is never written into the page. Data is inserted as text, never as HTML.

const TOKEN_KEY = 'ore-publisher.admin-token';
const JOB = 'publish-due-distributions';
const METRICS = ['read', 'write', 'skip', 'commit', 'rollback'];

let token = localStorage.getItem(TOKEN_KEY) || '';
let timer = null;
const expanded = new Set();

const $ = (selector) => document.querySelector(selector);

const timeFormat = new Intl.DateTimeFormat(undefined, {
    month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit'
});

function when(iso) {
    return iso ? timeFormat.format(new Date(iso)) : '—';
}

function seconds(total) {
    if (total == null) return '—';
    if (total < 10) return `${Math.max(0, total).toFixed(1)} s`;
    const s = Math.round(total);
    if (s < 60) return `${s} s`;
    if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
    return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

function between(start, end) {
    if (!start) return '—';
    const to = end ? new Date(end) : new Date();
    return seconds((to - new Date(start)) / 1000) + (end ? '' : ' so far');
}

function ago(iso) {
    return iso ? `${seconds((Date.now() - new Date(iso)) / 1000)} ago` : 'never';
}

function cell(text, className) {
    const td = document.createElement('td');
    td.textContent = text == null ? '—' : String(text);
    if (className) td.className = className;
    return td;
}

function badge(status) {
    const td = document.createElement('td');
    const span = document.createElement('span');
    span.className = `badge ${String(status).toLowerCase()}`;
    span.textContent = status;
    td.appendChild(span);
    return td;
}

function button(label, action, data, className) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.dataset.action = action;
    Object.assign(b.dataset, data);
    if (className) b.className = className;
    return b;
}

function row(...cells) {
    const tr = document.createElement('tr');
    cells.forEach((c) => tr.appendChild(c));
    return tr;
}

function fill(tbody, rows, emptyText, columns) {
    tbody.replaceChildren(...rows);
    if (rows.length === 0) {
        const td = cell(emptyText);
        td.colSpan = columns;
        const tr = row(td);
        tr.className = 'empty';
        tbody.appendChild(tr);
    }
}

function say(text, kind = 'error') {
    const box = $('#message');
    box.textContent = text;
    box.className = `message ${kind}`;
    box.hidden = !text;
}

class Refused extends Error {}

async function api(path, method = 'GET', body = undefined) {
    if (!token) throw new Refused('Paste an admin token to connect.');
    const headers = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(`/api/admin${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: 'no-store'
    });
    if (response.status === 401) throw new Refused('The token was not accepted (expired or not signed by a trusted issuer).');
    if (response.status === 403) throw new Refused('This token does not carry the admin role.');
    const answer = response.status === 204 ? null : await response.json().catch(() => null);
    if (!response.ok) {
        throw new Error(answer && answer.detail ? answer.detail : `The server answered ${response.status}.`);
    }
    return answer;
}

function renderTimers(timers) {
    const rows = timers.map((t) => {
        const actions = document.createElement('td');
        actions.className = 'actions';
        actions.append(
            t.paused ? button('Resume', 'resume', { timer: t.name }) : button('Pause', 'pause', { timer: t.name }),
            button('Run now', 'run', { timer: t.name }, 'primary'));
        const name = cell(t.name);
        name.title = t.purpose;
        const tr = row(name, badge(t.paused ? 'PAUSED' : 'ACTIVE'), cell(seconds(t.intervalMillis / 1000)),
            cell(t.nextTimeout ? when(t.nextTimeout) : 'not scheduled'), cell(ago(t.lastPoll)),
            cell(t.lastJobStart ? `${when(t.lastJobStart)}${t.lastExecutionId ? ` (#${t.lastExecutionId})` : ''}` : 'never'),
            actions);
        tr.dataset.timer = t.name;
        tr.dataset.paused = t.paused;
        return tr;
    });
    fill($('#timers tbody'), rows, 'No timers.', 7);
}

function totals(execution) {
    const sum = Object.fromEntries(METRICS.map((m) => [m, 0]));
    for (const step of execution.steps) {
        const m = step.metrics || {};
        sum.read += m.read || 0;
        sum.write += m.write || 0;
        sum.skip += (m.readSkip || 0) + (m.processSkip || 0) + (m.writeSkip || 0);
        sum.commit += m.commit || 0;
        sum.rollback += m.rollback || 0;
    }
    return sum;
}

function executionActions(e, latestOfInstance) {
    const td = document.createElement('td');
    td.className = 'actions';
    const running = ['STARTING', 'STARTED'].includes(e.batchStatus);
    if (running) td.append(button('Stop', 'stop', { execution: e.id }));
    // Only an instance's latest execution can be restarted.
    if (['STOPPED', 'FAILED'].includes(e.batchStatus) && latestOfInstance) {
        td.append(button('Restart', 'restart', { execution: e.id }));
    }
    if (!running && e.batchStatus !== 'STOPPING' && e.batchStatus !== 'ABANDONED') {
        td.append(button('Abandon', 'abandon', { execution: e.id }, 'quiet'));
    }
    return td;
}

function stepsRow(e) {
    const table = document.createElement('table');
    table.className = 'steps';
    const head = row(...['Step', 'Status', 'Exit status', 'Started', 'Ended', 'Read', 'Written', 'Filtered',
        'Read skips', 'Process skips', 'Write skips', 'Commits', 'Rollbacks'].map((h) => {
        const th = document.createElement('th');
        th.textContent = h;
        return th;
    }));
    const body = e.steps.map((s) => {
        const m = s.metrics || {};
        const tr = row(cell(s.name), badge(s.batchStatus), cell(s.exitStatus), cell(when(s.start)), cell(when(s.end)),
            ...['read', 'write', 'filter', 'readSkip', 'processSkip', 'writeSkip', 'commit', 'rollback']
                .map((k) => cell(m[k] ?? 0, 'num')));
        tr.dataset.step = s.name;
        return tr;
    });
    if (body.length === 0) body.push(row(cell('No steps recorded yet.')));
    const thead = document.createElement('thead');
    thead.append(head);
    const tbody = document.createElement('tbody');
    tbody.append(...body);
    table.append(thead, tbody);
    const params = document.createElement('p');
    params.className = 'muted';
    params.textContent = 'Parameters: ' + (Object.entries(e.parameters).map(([k, v]) => `${k}=${v}`).join(', ') || 'none');
    const td = document.createElement('td');
    td.colSpan = 12;
    td.append(table, params);
    const tr = row(td);
    tr.className = 'detail';
    tr.dataset.stepsOf = e.id;
    return tr;
}

function renderExecutions(executions) {
    const latest = new Map();
    for (const e of executions) latest.set(e.instanceId, Math.max(latest.get(e.instanceId) || 0, e.id));
    const rows = [];
    for (const e of executions) {
        const sum = totals(e);
        const tr = row(cell(`#${e.id}`), badge(e.batchStatus), cell(e.exitStatus), cell(when(e.start)), cell(when(e.end)),
            cell(between(e.start, e.end)), ...METRICS.map((m) => cell(sum[m], `num metric-${m}`)), executionActions(e, latest.get(e.instanceId) === e.id));
        tr.dataset.executionId = e.id;
        tr.dataset.status = e.batchStatus;
        tr.className = 'expandable' + (expanded.has(e.id) ? ' open' : '');
        rows.push(tr);
        if (expanded.has(e.id)) rows.push(stepsRow(e));
    }
    fill($('#executions tbody'), rows, 'No executions in the job repository yet.', 12);
}

function renderQueue(q) {
    $('#queue-measured').textContent = `measured ${when(q.measuredAt)}`;
    const figure = (label, value, warn) => {
        const div = document.createElement('div');
        div.className = 'figure' + (warn ? ' warn' : '');
        const strong = document.createElement('strong');
        strong.textContent = value;
        const span = document.createElement('span');
        span.textContent = label;
        div.append(strong, span);
        return div;
    };
    $('#figures').replaceChildren(
        figure('due now', q.due, false),
        figure('oldest due waited', seconds(q.oldestDueAgeSeconds), q.oldestDueAgeSeconds > 300),
        figure('in flight (leased)', q.inFlight, false),
        figure('expired leases', q.expiredLeases, q.expiredLeases > 0));
    const platforms = [...new Set(q.counts.map((c) => c.platform))].sort();
    const statuses = [...new Set(q.counts.map((c) => c.status))].sort();
    const th = (t, cls) => {
        const e = document.createElement('th');
        e.textContent = t;
        if (cls) e.className = cls;
        return e;
    };
    $('#queue-counts thead').replaceChildren(row(th('Status'), ...platforms.map((p) => th(p, 'num')), th('Total', 'num')));
    const rows = statuses.map((s) => {
        const counts = platforms.map((p) => (q.counts.find((c) => c.status === s && c.platform === p) || { count: 0 }).count);
        const tr = row(badge(s), ...counts.map((n) => cell(n, 'num')), cell(counts.reduce((a, b) => a + b, 0), 'num total'));
        tr.dataset.status = s;
        return tr;
    });
    fill($('#queue-counts tbody'), rows, 'No distributions.', platforms.length + 2);

    fill($('#failures-by-code tbody'), q.failuresByCode.map((f) => row(cell(f.platform), cell(f.errorCode, 'code'), cell(f.count, 'num'))),
        'No failures in the last 24 hours.', 3);
    fill($('#recent-failures tbody'), q.recentFailures.slice(0, 15).map((f) => {
        const actions = document.createElement('td');
        actions.className = 'actions';
        actions.append(button('Retry', 'retry-distribution', { distribution: f.distributionId }, 'quiet'));
        const id = cell(f.distributionId.slice(0, 8), 'code');
        id.title = `${f.distributionId} (team ${f.teamId})`;
        return row(cell(when(f.at)), cell(f.platform), cell(f.errorCode, 'code'), cell(f.errorMessage, 'message-text'), id, actions);
    }), 'None.', 6);
}

function renderUnknownOutcomes(unknown) {
    fill($('#unknown-outcomes tbody'), unknown.map((u) => {
        const actions = document.createElement('td');
        actions.className = 'actions';
        actions.append(button('Mark published…', 'mark-published', { distribution: u.distributionId }),
            button('Publish again', 'publish-again', { distribution: u.distributionId }, 'quiet'));
        const id = cell(u.distributionId.slice(0, 8), 'code');
        id.title = `${u.distributionId} (team ${u.teamId})`;
        const tr = row(cell(when(u.at)), cell(u.platform), cell(u.errorCode, 'code'), cell(u.errorMessage, 'message-text'), id, actions);
        tr.dataset.distribution = u.distributionId;
        return tr;
    }), 'None: every outcome is known.', 6);
}

function renderAccounts(accounts) {
    const reasons = { reconnect: 'must reconnect', token_expires: 'token expires soon', refresh_token_expires: 'refresh token expires soon' };
    fill($('#accounts tbody'), accounts.map((a) => {
        const team = cell(a.teamId.slice(0, 8), 'code');
        team.title = a.teamId;
        return row(team, cell(a.platform), cell(a.accountName), badge(a.status), cell(reasons[a.reason] || a.reason),
            cell(a.expiresAt ? when(a.expiresAt) : '—'));
    }), 'No account needs attention.', 6);
}

async function refresh() {
    try {
        const [timers, executions, queue, accounts] = await Promise.all([
            api('/timers'), api(`/batch/executions?job=${JOB}&limit=25`), api('/queue'), api('/accounts/attention')]);
        renderTimers(timers);
        renderExecutions(executions);
        renderQueue(queue);
        renderUnknownOutcomes(queue.unknownOutcomes);
        renderAccounts(accounts);
        $('#refreshed').textContent = `updated ${timeFormat.format(new Date())}`;
        document.body.dataset.loaded = 'true';
        if ($('#message').classList.contains('error')) say('');
    } catch (e) {
        say(e.message, 'error');
    }
}

const ACTIONS = {
    pause: (d) => api(`/timers/${encodeURIComponent(d.timer)}/pause`, 'POST').then(() => 'Timer paused: it starts no job until resumed.'),
    resume: (d) => api(`/timers/${encodeURIComponent(d.timer)}/resume`, 'POST').then(() => 'Timer resumed.'),
    run: (d) => api(`/timers/${encodeURIComponent(d.timer)}/run`, 'POST').then((r) => `Started execution #${r.executionId}.`),
    stop: (d) => api(`/batch/executions/${d.execution}/stop`, 'POST').then(() => `Asked execution #${d.execution} to stop.`),
    restart: (d) => api(`/batch/executions/${d.execution}/restart`, 'POST').then((r) => `Restarted as execution #${r.id}.`),
    abandon: (d) => confirm(`Abandon execution #${d.execution}? It can never be restarted.`)
        ? api(`/batch/executions/${d.execution}/abandon`, 'POST').then(() => `Execution #${d.execution} abandoned.`) : null,
    'retry-distribution': (d) => api(`/distributions/${d.distribution}/retry`, 'POST').then(() => 'Distribution scheduled again.'),
    'mark-published': (d) => {
        const postId = (prompt('The post\'s id on the platform (as its URL or the platform shows it):') || '').trim();
        return postId
            ? api(`/distributions/${d.distribution}/mark-published`, 'POST', { externalPostId: postId })
                .then(() => `Marked published as ${postId}.`)
            : null;
    },
    'publish-again': (d) => confirm('Publish it again? Only if you checked that the platform does not show the post.')
        ? api(`/distributions/${d.distribution}/publish-again`, 'POST').then(() => 'Distribution will be published again.')
        : null
};

async function act(b) {
    const action = ACTIONS[b.dataset.action];
    b.disabled = true;
    try {
        const done = await action(b.dataset);
        if (done) say(done, 'info');
        await refresh();
    } catch (e) {
        say(e.message, 'error');
    } finally {
        b.disabled = false;
    }
}

function schedule() {
    clearInterval(timer);
    const every = Number($('#refresh-every').value);
    if (every > 0) timer = setInterval(refresh, every);
}

document.addEventListener('DOMContentLoaded', () => {
    $('#zone').textContent = `times in ${Intl.DateTimeFormat().resolvedOptions().timeZone}`;
    if (token) $('#token').placeholder = 'token saved in this browser';
    $('#login').addEventListener('submit', (event) => {
        event.preventDefault();
        const value = $('#token').value.trim();
        if (value) {
            token = value;
            localStorage.setItem(TOKEN_KEY, token);
        }
        $('#token').value = '';
        $('#token').placeholder = 'token saved in this browser';
        refresh();
    });
    $('#forget-token').addEventListener('click', () => {
        token = '';
        localStorage.removeItem(TOKEN_KEY);
        $('#token').placeholder = 'paste a bearer token with role admin';
        say('Token forgotten.', 'info');
    });
    $('#refresh-every').addEventListener('change', schedule);
    document.addEventListener('click', (event) => {
        const b = event.target.closest('button[data-action]');
        if (b) {
            act(b);
            return;
        }
        const tr = event.target.closest('tr.expandable');
        if (tr) {
            const id = Number(tr.dataset.executionId);
            if (expanded.has(id)) expanded.delete(id); else expanded.add(id);
            refresh();
        }
    });
    schedule();
    if (token) refresh();
});
