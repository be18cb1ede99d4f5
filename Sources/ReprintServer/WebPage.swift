/// The web page served at `/`: compare two texts (or match one against the index) and see the
/// reused passages highlighted side by side, and browse the story and reuse clusters.
///
/// One static file with inline CSS and JavaScript, no build step. It builds the page with DOM
/// calls and `textContent` only (never `innerHTML` with data), and converts the API's
/// Unicode-scalar offsets to JavaScript's UTF-16 strings through `Array.from`.
enum WebPage {
    static let html = #"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Reprint — text reuse</title>
        <style>
          :root { --ink: #1d2330; --muted: #5c6475; --line: #d9dde5; --verbatim: #ffe27a; --paraphrase: #a8e4f0; --accent: #2b5fd9; }
          * { box-sizing: border-box; }
          body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: #f6f7f9; }
          header { display: flex; align-items: baseline; gap: 1.5rem; padding: .8rem 1.5rem; background: #fff; border-bottom: 1px solid var(--line); }
          header h1 { margin: 0; font-size: 1.25rem; }
          nav button { background: none; border: 0; padding: .3rem .6rem; font: inherit; color: var(--muted); cursor: pointer; border-bottom: 2px solid transparent; }
          nav button.active { color: var(--ink); border-bottom-color: var(--accent); }
          main { padding: 1rem 1.5rem; }
          .inputs { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
          .inputs label { font-weight: 600; display: block; margin-bottom: .25rem; }
          textarea { width: 100%; height: 9rem; padding: .5rem; font: 13px/1.4 ui-monospace, monospace; border: 1px solid var(--line); border-radius: 6px; resize: vertical; }
          textarea.drop { outline: 2px dashed var(--accent); }
          .actions { margin: .8rem 0; display: flex; gap: .6rem; align-items: center; }
          .actions button { padding: .45rem 1rem; font: inherit; border-radius: 6px; border: 1px solid var(--accent); background: var(--accent); color: #fff; cursor: pointer; }
          .actions button.secondary { background: #fff; color: var(--accent); }
          #status { color: var(--muted); }
          #status.error { color: #b3261e; }
          .verdict { display: flex; flex-wrap: wrap; gap: 1.2rem; align-items: center; background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: .7rem 1rem; margin-bottom: 1rem; }
          .relation { font-size: 1.3rem; font-weight: 700; text-transform: capitalize; }
          .score { color: var(--muted); font-size: .9rem; }
          .score b { color: var(--ink); }
          .legend span { padding: 0 .35rem; border-radius: 3px; margin-left: .4rem; font-size: .85rem; }
          .sides { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
          .side h2 { font-size: .95rem; margin: 0 0 .3rem; color: var(--muted); }
          .anchor { display: inline; }
          .doc { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: .8rem 1rem; height: 60vh; overflow-y: auto; white-space: pre-wrap; overflow-wrap: anywhere; font: 14px/1.55 Georgia, serif; }
          mark.passage { cursor: pointer; border-radius: 2px; padding: 0 1px; }
          mark.verbatim { background: var(--verbatim); }
          mark.paraphrase { background: var(--paraphrase); }
          mark.passage:hover { outline: 1px solid var(--ink); }
          mark.flash { animation: flash 1.2s ease-out; }
          @keyframes flash { 0%, 40% { background: #ff8a3d; box-shadow: 0 0 0 3px #ff8a3d; } 100% { box-shadow: 0 0 0 0 transparent; } }
          table { border-collapse: collapse; background: #fff; margin-bottom: 1rem; }
          td, th { border: 1px solid var(--line); padding: .3rem .6rem; text-align: left; font-size: .9rem; }
          tr.match { cursor: pointer; }
          tr.match.selected { background: #eef3ff; }
          .cluster { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: .6rem 1rem; margin-bottom: .8rem; }
          .cluster h3 { margin: 0 0 .3rem; font-size: 1rem; }
          .cluster ul { margin: .2rem 0; padding-left: 1.2rem; }
          .canonical { font-weight: 700; }
          .hidden { display: none; }
        </style>
        </head>
        <body>
        <header>
          <h1>Reprint</h1>
          <nav>
            <button id="tab-compare" class="active" type="button">Compare</button>
            <button id="tab-clusters" type="button">Clusters</button>
          </nav>
        </header>
        <main>
          <section id="panel-compare">
            <div class="inputs">
              <div><label for="text-a">Text A</label><textarea id="text-a" placeholder="Paste or drop a text (plain, Markdown or HTML)"></textarea></div>
              <div><label for="text-b">Text B</label><textarea id="text-b" placeholder="Paste or drop a second text — or leave empty and match text A against the index"></textarea></div>
            </div>
            <div class="actions">
              <button id="compare" type="button">Compare A and B</button>
              <button id="match" class="secondary" type="button">Match A against the index</button>
              <span id="status" role="status"></span>
            </div>
            <div id="result" class="hidden">
              <div class="verdict">
                <span id="relation" class="relation"></span>
                <span id="scores"></span>
                <span class="legend">passages:<span class="verbatim" style="background:var(--verbatim)">verbatim</span><span style="background:var(--paraphrase)">paraphrase</span></span>
              </div>
              <table id="matches" class="hidden"><thead><tr><th>stored document</th><th>relation</th><th>resemblance</th><th>coverage (stored / this text)</th><th>passages</th></tr></thead><tbody></tbody></table>
              <div class="sides">
                <div class="side"><h2 id="title-a">A</h2><div id="doc-a" class="doc"></div></div>
                <div class="side" id="side-b"><h2 id="title-b">B</h2><div id="doc-b" class="doc"></div></div>
              </div>
            </div>
          </section>
          <section id="panel-clusters" class="hidden">
            <div class="actions"><button id="refresh-clusters" type="button">Refresh</button><span id="cluster-status"></span></div>
            <div id="stories"></div>
          </section>
        </main>
        <script>
        "use strict";
        const $ = (id) => document.getElementById(id);

        function setStatus(message, isError) {
          $("status").textContent = message;
          $("status").className = isError ? "error" : "";
        }

        async function api(method, path, body) {
          const response = await fetch(path, {
            method,
            headers: body ? { "Content-Type": "application/json" } : {},
            body: body ? JSON.stringify(body) : undefined,
          });
          const data = await response.json().catch(() => ({}));
          if (!response.ok) throw new Error(data.error || (response.status + " " + response.statusText));
          return data;
        }

        // Renders `text` into `container` with the passages highlighted. `ranges` holds
        // {start, end, kind, index} in Unicode scalars (code points): Array.from splits by code point.
        // Passages may nest or overlap (a paraphrased sentence run around a verbatim phrase), so the
        // text is cut at every passage boundary; each piece is one <mark> showing its innermost
        // passage and listing all the passages covering it in data-passages. An empty anchor
        // (id SIDE-passage-N) marks where passage N starts.
        function renderText(container, text, ranges, side) {
          container.replaceChildren();
          const chars = Array.from(text);
          const clipped = ranges
            .map((r) => ({ ...r, start: Math.max(0, r.start), end: Math.min(r.end, chars.length) }))
            .filter((r) => r.end > r.start);
          const cuts = new Set([0, chars.length]);
          for (const r of clipped) { cuts.add(r.start); cuts.add(r.end); }
          const points = Array.from(cuts).sort((x, y) => x - y);
          for (let i = 0; i + 1 < points.length; i++) {
            const start = points[i], end = points[i + 1];
            for (const r of clipped) {
              if (r.start !== start) continue;
              const anchor = document.createElement("span");
              anchor.id = side + "-passage-" + r.index;
              anchor.className = "anchor";
              container.append(anchor);
            }
            const piece = chars.slice(start, end).join("");
            const covering = clipped.filter((r) => r.start <= start && r.end >= end);
            if (!covering.length) { container.append(piece); continue; }
            const inner = covering.reduce((best, r) => (r.end - r.start < best.end - best.start ? r : best));
            const mark = document.createElement("mark");
            mark.className = "passage " + inner.kind;
            mark.dataset.passage = String(inner.index);
            mark.dataset.passages = covering.map((r) => r.index).join(" ");
            mark.dataset.side = side;
            mark.title = inner.kind + " passage " + (inner.index + 1) + " — click to see its counterpart";
            mark.textContent = piece;
            container.append(mark);
          }
        }

        // Flashes every piece of passage `index` on `side`.
        function flash(side, index) {
          for (const mark of $("doc-" + side).querySelectorAll('mark[data-passages~="' + index + '"]')) {
            mark.classList.remove("flash");
            void mark.offsetWidth;
            mark.classList.add("flash");
          }
        }

        // Click a passage on one side: the other side scrolls to its counterpart and flashes it.
        function linkPassages(event) {
          const mark = event.target.closest("mark.passage");
          if (!mark) return;
          const other = mark.dataset.side === "a" ? "b" : "a", index = mark.dataset.passage;
          const anchor = $(other + "-passage-" + index);
          if (!anchor) return;
          const pane = $("doc-" + other);
          pane.scrollTo({ top: anchor.offsetTop - pane.offsetTop - pane.clientHeight / 3, behavior: "smooth" });
          flash(other, index);
          flash(mark.dataset.side, index);
        }
        $("doc-a").addEventListener("click", linkPassages);
        $("doc-b").addEventListener("click", linkPassages);

        const percent = (x) => Math.round(x * 100) + "%";

        function showScores(pair) {
          const scores = $("scores");
          scores.replaceChildren();
          const items = [
            ["resemblance", percent(pair.resemblance)],
            ["coverage", percent(pair.coverage.a) + " / " + percent(pair.coverage.b)],
            ["verbatim", percent(pair.verbatim_coverage.a) + " / " + percent(pair.verbatim_coverage.b)],
            ["sentences", percent(pair.sentence_similarity)],
            ["topic", percent(pair.topic_similarity)],
            ["passages", String(pair.passages.length)],
          ];
          for (const [name, value] of items) {
            const span = document.createElement("span");
            span.className = "score";
            const bold = document.createElement("b");
            bold.textContent = value;
            span.append(name + " ", bold, "  ");
            scores.append(span);
          }
        }

        function sideRanges(passages, side) {
          return passages.map((p, index) => ({ start: p[side][0], end: p[side][1], kind: p.kind, index }));
        }

        async function compare() {
          const a = $("text-a").value, b = $("text-b").value;
          if (!a.trim() || !b.trim()) { setStatus("Paste a text on both sides (or use Match for one text).", true); return; }
          setStatus("Comparing…");
          try {
            const pair = await api("POST", "/v1/compare", { a, b });
            $("result").classList.remove("hidden");
            $("matches").classList.add("hidden");
            $("side-b").classList.remove("hidden");
            $("relation").textContent = pair.relation + (pair.contained ? " (" + pair.contained.toUpperCase() + " is contained)" : "");
            $("relation").dataset.relation = pair.relation;
            showScores(pair);
            $("title-a").textContent = "A";
            $("title-b").textContent = "B";
            renderText($("doc-a"), a, sideRanges(pair.passages, "a"), "a");
            renderText($("doc-b"), b, sideRanges(pair.passages, "b"), "b");
            setStatus("Click a highlighted passage to jump to its counterpart.");
          } catch (error) {
            setStatus(error.message, true);
          }
        }

        async function match() {
          const text = $("text-a").value;
          if (!text.trim()) { setStatus("Paste a text in A to match it against the index.", true); return; }
          setStatus("Matching…");
          try {
            const result = await api("POST", "/v1/match", { text });
            $("result").classList.remove("hidden");
            $("side-b").classList.add("hidden");
            const body = $("matches").querySelector("tbody");
            body.replaceChildren();
            $("matches").classList.remove("hidden");
            $("title-a").textContent = "A (this text)";
            $("relation").textContent = result.matches.length ? result.matches.length + " related in the index" : "no related document in the index";
            $("relation").dataset.relation = "";
            $("scores").replaceChildren();
            renderText($("doc-a"), text, [], "a");
            result.matches.forEach((pair, row) => {
              const tr = document.createElement("tr");
              tr.className = "match";
              for (const value of [pair.a, pair.relation, percent(pair.resemblance), percent(pair.coverage.a) + " / " + percent(pair.coverage.b), String(pair.passages.length)]) {
                const td = document.createElement("td");
                td.textContent = value;
                tr.append(td);
              }
              tr.addEventListener("click", () => {
                body.querySelectorAll("tr").forEach((other) => other.classList.remove("selected"));
                tr.classList.add("selected");
                renderText($("doc-a"), text, sideRanges(pair.passages, "b"), "a");
              });
              body.append(tr);
              if (row === 0) tr.click();
            });
            setStatus("");
          } catch (error) {
            setStatus(error.message, true);
          }
        }

        // Stories and their versions: every story cluster, its documents grouped by reuse cluster.
        async function loadClusters() {
          $("cluster-status").textContent = "Loading…";
          try {
            const [stories, reuse] = await Promise.all([
              api("GET", "/v1/clusters?kind=story"), api("GET", "/v1/clusters?kind=reuse"),
            ]);
            const versionOf = new Map();
            for (const cluster of reuse.clusters) for (const id of cluster.members) versionOf.set(id, cluster);
            const container = $("stories");
            container.replaceChildren();
            const groups = stories.clusters.slice();
            const inStory = new Set(groups.flatMap((c) => c.members));
            for (const cluster of reuse.clusters) if (!cluster.members.some((id) => inStory.has(id))) groups.push(cluster);
            groups.forEach((story, index) => {
              const box = document.createElement("div");
              box.className = "cluster";
              const title = document.createElement("h3");
              const versions = [];
              const seen = new Set();
              for (const id of story.members) {
                const version = versionOf.get(id);
                const key = version ? version.members.join("\n") : id;
                if (seen.has(key)) continue;
                seen.add(key);
                versions.push(version || { members: [id], canonical: id });
              }
              title.textContent = "Story " + (index + 1) + " — " + versions.length + " version" + (versions.length === 1 ? "" : "s") + ", " + story.members.length + " documents";
              const list = document.createElement("ul");
              for (const version of versions) {
                const item = document.createElement("li");
                version.members.forEach((id, i) => {
                  const span = document.createElement("span");
                  span.textContent = id;
                  if (id === version.canonical) span.className = "canonical";
                  item.append(i ? ", " : "", span);
                });
                if (version.members.length > 1) item.append(" (one text, " + version.members.length + " copies)");
                list.append(item);
              }
              box.append(title, list);
              container.append(box);
            });
            $("cluster-status").textContent = groups.length ? "" : "No clusters yet: add documents with POST /v1/documents or reprint index add.";
          } catch (error) {
            $("cluster-status").textContent = error.message;
          }
        }

        function readDrop(textarea) {
          textarea.addEventListener("dragover", (event) => { event.preventDefault(); textarea.classList.add("drop"); });
          textarea.addEventListener("dragleave", () => textarea.classList.remove("drop"));
          textarea.addEventListener("drop", async (event) => {
            event.preventDefault();
            textarea.classList.remove("drop");
            const file = event.dataTransfer.files[0];
            if (file) textarea.value = await file.text();
          });
        }
        readDrop($("text-a"));
        readDrop($("text-b"));

        function showTab(name) {
          for (const tab of ["compare", "clusters"]) {
            $("panel-" + tab).classList.toggle("hidden", tab !== name);
            $("tab-" + tab).classList.toggle("active", tab === name);
          }
          if (name === "clusters") loadClusters();
        }
        $("tab-compare").addEventListener("click", () => showTab("compare"));
        $("tab-clusters").addEventListener("click", () => showTab("clusters"));
        $("refresh-clusters").addEventListener("click", loadClusters);
        $("compare").addEventListener("click", compare);
        $("match").addEventListener("click", match);
        </script>
        </body>
        </html>
        """#
}
