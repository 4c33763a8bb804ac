// Stakeholder map: drag a point on the power/interest grid to set that row's numbers, or type the numbers to move the
// point. The server draws the full grid again on save; this only keeps the picture and the quadrant names in step.
// Contract with the server SVG (StakeholderGridDiagram): the root <svg> carries data-plot-x/y/w/h (the plotting area,
// user units), data-min and data-max (the scale, 1 and 10) and data-high-from (6). Every value owns an equal cell and a
// point sits at its cell's centre (ToPlot/FromPlot there; mirrored below). Each point is a group with class
// "stakeholder-point", data-index = the table row, data-power/-interest/-quadrant, a circle and a <title>.
// Interest runs left to right, power bottom to top.
// The field type that loads it: Features/Worksheets/Fields/StakeholderMap (its Script).
(function () {
  'use strict';
  const labels = {
    mc: 'Manage closely',
    ks: 'Keep satisfied',
    ir: 'Inform regularly',
    mo: 'Monitor and anticipate needs',
  };

  function slug(power, interest, high) {
    if (power >= high) return interest >= high ? 'manage-closely' : 'keep-satisfied';
    return interest >= high ? 'inform-regularly' : 'monitor';
  }

  function quadrant(power, interest, high) {
    if (power >= high) return interest >= high ? labels.mc : labels.ks;
    return interest >= high ? labels.ir : labels.mo;
  }

  function setup(table) {
    const fieldId = table.getAttribute('data-stakeholder-table');
    const figure = document.getElementById('picture-' + fieldId);
    const svg = figure && figure.querySelector('svg[data-plot-x]');
    const num = (el, name, d) => {
      const v = parseFloat(el.getAttribute(name));
      return isNaN(v) ? d : v;
    };
    const geo = svg && {
      x: num(svg, 'data-plot-x', 0),
      y: num(svg, 'data-plot-y', 0),
      w: num(svg, 'data-plot-w', 100),
      h: num(svg, 'data-plot-h', 100),
      min: num(svg, 'data-min', 1),
      max: num(svg, 'data-max', 10),
      high: num(svg, 'data-high-from', 6),
    };
    const high = geo ? geo.high : 6;

    function row(i) {
      return table.querySelector("tr[data-index='" + i + "']");
    }
    function inputs(i) {
      const r = row(i);
      return (
        r && {
          power: r.querySelector('input[data-part=power]'),
          interest: r.querySelector('input[data-part=interest]'),
          out: r.querySelector('output[data-quadrant-for]'),
        }
      );
    }
    function valid(v) {
      return Number.isInteger(v) && v >= (geo ? geo.min : 1) && v <= (geo ? geo.max : 10);
    }

    function updateLabel(i) {
      const f = inputs(i);
      if (!f || !f.out) return;
      const p = parseInt(f.power.value, 10),
        n = parseInt(f.interest.value, 10);
      f.out.textContent = valid(p) && valid(n) ? quadrant(p, n, high) : '—';
    }

    // The centre of a value's cell, and the cell under a point of the plot (as StakeholderGridDiagram.ToPlot/FromPlot).
    function toPoint(power, interest) {
      const cells = geo.max - geo.min + 1;
      return {
        x: geo.x + ((interest - geo.min + 0.5) / cells) * geo.w,
        y: geo.y + geo.h - ((power - geo.min + 0.5) / cells) * geo.h,
      };
    }
    function toValues(px, py) {
      const cells = geo.max - geo.min + 1;
      const clamp = (v) => Math.min(geo.max, Math.max(geo.min, v));
      return {
        interest: clamp(Math.floor(((px - geo.x) / geo.w) * cells) + geo.min),
        power: clamp(Math.floor(((geo.y + geo.h - py) / geo.h) * cells) + geo.min),
      };
    }

    const origins = new Map();
    function pointEl(i) {
      return svg && svg.querySelector(".stakeholder-point[data-index='" + i + "']");
    }
    function origin(el) {
      if (!origins.has(el)) {
        const c = el.matches('circle') ? el : el.querySelector('circle');
        origins.set(el, { x: c ? num(c, 'cx', 0) : 0, y: c ? num(c, 'cy', 0) : 0 });
      }
      return origins.get(el);
    }
    function movePoint(i) {
      const el = pointEl(i),
        f = inputs(i);
      if (!el || !f) return;
      const p = parseInt(f.power.value, 10),
        n = parseInt(f.interest.value, 10);
      if (!valid(p) || !valid(n)) return;
      const o = origin(el),
        to = toPoint(p, n);
      el.setAttribute('transform', 'translate(' + (to.x - o.x).toFixed(1) + ' ' + (to.y - o.y).toFixed(1) + ')');
      el.setAttribute('data-power', p);
      el.setAttribute('data-interest', n);
      el.setAttribute('data-quadrant', slug(p, n, high));
      const name = f.power.closest('tr').querySelector("input[data-part=name], input[name$='.name']");
      const title = el.querySelector('title');
      if (title)
        title.textContent =
          (name && name.value.trim() ? name.value.trim() : 'Stakeholder ' + (+i + 1)) +
          ': power ' +
          p +
          ', interest ' +
          n +
          ' (' +
          quadrant(p, n, high) +
          ')';
    }

    table.addEventListener('input', (e) => {
      const r = e.target.closest('tr[data-index]');
      if (!r || !e.target.matches('input[data-part]')) return;
      const i = r.getAttribute('data-index');
      updateLabel(i);
      if (geo) movePoint(i);
    });

    if (!geo) return;
    let dragging = null;
    function svgPoint(e) {
      const m = svg.getScreenCTM();
      if (!m) return null;
      const pt = svg.createSVGPoint();
      pt.x = e.clientX;
      pt.y = e.clientY;
      return pt.matrixTransform(m.inverse());
    }
    svg.querySelectorAll('.stakeholder-point').forEach((el) => el.classList.add('ws-draggable'));
    svg.addEventListener('pointerdown', (e) => {
      const el = e.target.closest('.stakeholder-point');
      if (!el) return;
      dragging = el.getAttribute('data-index');
      svg.setPointerCapture(e.pointerId);
      e.preventDefault();
    });
    svg.addEventListener('pointermove', (e) => {
      if (dragging === null) return;
      const pt = svgPoint(e),
        f = inputs(dragging);
      if (!pt || !f) return;
      const v = toValues(pt.x, pt.y);
      f.power.value = v.power;
      f.interest.value = v.interest;
      updateLabel(dragging);
      movePoint(dragging);
    });
    const end = (e) => {
      if (dragging === null) return;
      const f = inputs(dragging);
      if (f) f.power.dispatchEvent(new Event('change', { bubbles: true }));
      dragging = null;
      if (svg.hasPointerCapture(e.pointerId)) svg.releasePointerCapture(e.pointerId);
    };
    svg.addEventListener('pointerup', end);
    svg.addEventListener('pointercancel', end);
  }

  document.querySelectorAll('table[data-stakeholder-table]').forEach(setup);
})();
