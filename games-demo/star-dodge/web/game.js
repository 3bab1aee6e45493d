/* Star Dodge: weave through falling meteors, catch stars, and spend five stars on a shield. */
(function () {
  "use strict";

  const W = 960;
  const H = 540;
  const TOP = 40;
  const SHIP_SPEED = 420;
  const SHIP_RADIUS = 13;
  const SHIELD_RADIUS = 36;
  const SHIELD_SECONDS = 4;
  const STARS_FOR_SHIELD = 5;
  const HURT_SECONDS = 1.6;
  // No meteors for the first moment: nobody should lose a life while finding the keys.
  const GRACE_SECONDS = 1.2;
  const SURVIVAL_POINTS_PER_SECOND = 10;
  const STAR_POINTS = 50;
  const SMASH_POINTS = 25;
  // The storm thickens continuously; every 20 s is called a new wave so friends can see how far a player got.
  const WAVE_SECONDS = 20;

  // Cosmetic background, the same on every run and independent of the seeded game randomness.
  const SKY = Array.from({ length: 90 }, (_, i) => ({
    x: (i * 397) % W,
    y: (i * 211) % H,
    depth: 0.3 + ((i * 7) % 10) / 10,
  }));

  let ship, meteors, stars, sparks, lives, hurt, charge, shield, elapsed, meteorClock, starClock, survival, drag, shownInfo;

  function reset(api) {
    ship = { x: W / 2, y: H - 70 };
    meteors = [];
    stars = [];
    sparks = [];
    lives = 3;
    hurt = 0;
    charge = 0;
    shield = 0;
    elapsed = 0;
    meteorClock = GRACE_SECONDS;
    starClock = 2;
    survival = 0;
    drag = null;
    shownInfo = "";
    showInfo(api);
  }

  function showInfo(api) {
    const wave = "Wave " + (1 + Math.floor(elapsed / WAVE_SECONDS));
    api.status(wave);
    const text = wave + " · Lives " + lives + " · " + (shield > 0 ? "Shield up" : charge >= STARS_FOR_SHIELD ? "Shield ready (Space)" : "Shield " + charge + "/" + STARS_FOR_SHIELD);
    if (text !== shownInfo) api.info(text);
    shownInfo = text;
  }

  function spawnMeteor(api) {
    const r = 14 + api.random() * 22;
    const speed = (130 + api.random() * 120) * (1 + elapsed / 50);
    const shape = Array.from({ length: 9 }, () => 0.75 + api.random() * 0.3);
    meteors.push({ x: r + api.random() * (W - 2 * r), y: TOP - r, r, vx: (api.random() - 0.5) * 60, vy: speed, rot: 0, spin: (api.random() - 0.5) * 3, shape });
  }

  function burst(x, y, color, count) {
    for (let i = 0; i < count; i++) {
      const angle = (i / count) * Math.PI * 2;
      const speed = 80 + (i % 3) * 60;
      sparks.push({ x, y, vx: Math.cos(angle) * speed, vy: Math.sin(angle) * speed, life: 0.6, color });
    }
  }

  function moveShip(dt, api) {
    let dx = (api.held("right") ? 1 : 0) - (api.held("left") ? 1 : 0);
    let dy = (api.held("down") ? 1 : 0) - (api.held("up") ? 1 : 0);
    if (dx && dy) {
      dx *= Math.SQRT1_2;
      dy *= Math.SQRT1_2;
    }
    ship.x = Math.max(20, Math.min(W - 20, ship.x + dx * SHIP_SPEED * dt));
    ship.y = Math.max(TOP + 24, Math.min(H - 24, ship.y + dy * SHIP_SPEED * dt));
  }

  function hitShip(api) {
    lives -= 1;
    hurt = HURT_SECONDS;
    burst(ship.x, ship.y, "#ff6b6b", 16);
    api.beep(160, 320, { type: "sawtooth", volume: 0.07, slideTo: 60 });
    if (lives <= 0) api.over();
  }

  function collide(api) {
    for (const m of meteors) {
      const d = Math.hypot(m.x - ship.x, m.y - ship.y);
      if (shield > 0 && d < SHIELD_RADIUS + m.r * 0.8) {
        m.gone = true;
        api.addScore(SMASH_POINTS);
        burst(m.x, m.y, "#c9b6d6", 10);
        api.beep(330, 80, { type: "triangle", slideTo: 110 });
      } else if (hurt <= 0 && d < SHIP_RADIUS + m.r * 0.8) {
        m.gone = true;
        hitShip(api);
      }
    }
    for (const s of stars) {
      if (Math.hypot(s.x - ship.x, s.y - ship.y) < SHIP_RADIUS + 16) {
        s.gone = true;
        charge = Math.min(STARS_FOR_SHIELD, charge + 1);
        api.addScore(STAR_POINTS);
        burst(s.x, s.y, "#ffd23f", 10);
        api.beep(880, 90, { slideTo: 1320 });
      }
    }
  }

  function update(dt, api) {
    elapsed += dt;
    hurt = Math.max(0, hurt - dt);
    shield = Math.max(0, shield - dt);
    moveShip(dt, api);
    meteorClock -= dt;
    if (meteorClock <= 0) {
      spawnMeteor(api);
      meteorClock = Math.max(0.18, 0.75 - elapsed * 0.01);
    }
    starClock -= dt;
    if (starClock <= 0) {
      stars.push({ x: 30 + api.random() * (W - 60), y: TOP - 16, vy: 110 + api.random() * 40, turn: 0 });
      starClock = 2.2 + api.random() * 1.5;
    }
    for (const m of meteors) {
      m.x += m.vx * dt;
      m.y += m.vy * dt;
      m.rot += m.spin * dt;
    }
    for (const s of stars) {
      s.y += s.vy * dt;
      s.turn += dt;
    }
    for (const p of sparks) {
      p.x += p.vx * dt;
      p.y += p.vy * dt;
      p.life -= dt;
    }
    collide(api);
    meteors = meteors.filter((m) => !m.gone && m.y - m.r < H);
    stars = stars.filter((s) => !s.gone && s.y - 16 < H);
    sparks = sparks.filter((p) => p.life > 0);
    survival += dt * SURVIVAL_POINTS_PER_SECOND;
    if (survival >= 1) {
      api.addScore(Math.floor(survival));
      survival -= Math.floor(survival);
    }
    showInfo(api);
  }

  function onAction(action, api) {
    if (action !== "action" || shield > 0 || charge < STARS_FOR_SHIELD) return;
    charge = 0;
    shield = SHIELD_SECONDS;
    api.beep(300, 400, { type: "sine", volume: 0.08, slideTo: 900 });
  }

  function onPointer(point) {
    // Relative drag: the ship moves with the finger but is not hidden under it.
    if (point.type === "down") drag = point;
    else if (point.type !== "move") drag = null;
    if (point.type !== "move" || !drag) return;
    ship.x = Math.max(20, Math.min(W - 20, ship.x + point.x - drag.x));
    ship.y = Math.max(TOP + 24, Math.min(H - 24, ship.y + point.y - drag.y));
    drag = point;
  }

  function drawStar(ctx, x, y, r, turn) {
    ctx.beginPath();
    for (let i = 0; i < 10; i++) {
      const a = turn + (i * Math.PI) / 5 - Math.PI / 2;
      const d = i % 2 ? r * 0.45 : r;
      ctx.lineTo(x + Math.cos(a) * d, y + Math.sin(a) * d);
    }
    ctx.closePath();
    ctx.fill();
  }

  function drawShip(ctx, time) {
    if (hurt > 0 && Math.floor(time * 12) % 2) return;
    const { x, y } = ship;
    ctx.fillStyle = "#ff9f43";
    ctx.beginPath();
    ctx.moveTo(x - 6, y + 12);
    ctx.lineTo(x, y + 20 + Math.sin(time * 40) * 4);
    ctx.lineTo(x + 6, y + 12);
    ctx.fill();
    ctx.fillStyle = "#e8f7ff";
    ctx.beginPath();
    ctx.moveTo(x, y - 18);
    ctx.lineTo(x + 15, y + 13);
    ctx.lineTo(x, y + 7);
    ctx.lineTo(x - 15, y + 13);
    ctx.closePath();
    ctx.fill();
    ctx.fillStyle = "#4cc9f0";
    ctx.beginPath();
    ctx.ellipse(x, y - 2, 3.5, 6, 0, 0, Math.PI * 2);
    ctx.fill();
    if (shield > 0 || charge >= STARS_FOR_SHIELD) {
      ctx.strokeStyle = shield > 0 ? "rgba(76, 201, 240, 0.9)" : "rgba(255, 210, 63, " + (0.3 + Math.sin(time * 5) * 0.2) + ")";
      ctx.lineWidth = shield > 0 ? 3 : 1.5;
      ctx.beginPath();
      ctx.arc(x, y, SHIELD_RADIUS, 0, Math.PI * 2);
      ctx.stroke();
    }
  }

  function draw(ctx, api, time) {
    const sky = ctx.createLinearGradient(0, 0, 0, H);
    sky.addColorStop(0, "#0b1030");
    sky.addColorStop(1, "#05070f");
    ctx.fillStyle = sky;
    ctx.fillRect(0, 0, W, H);
    ctx.fillStyle = "#c7d2ff";
    for (const p of SKY) {
      ctx.globalAlpha = p.depth * 0.7;
      ctx.fillRect(p.x, (p.y + time * 40 * p.depth) % H, p.depth * 2, p.depth * 2);
    }
    ctx.globalAlpha = 1;
    ctx.fillStyle = "rgba(10, 16, 34, 0.75)";
    ctx.fillRect(0, 0, W, TOP);
    ctx.fillStyle = "#ffd23f";
    for (const s of stars) drawStar(ctx, s.x, s.y, 13, s.turn * 2);
    for (const m of meteors) {
      ctx.save();
      ctx.translate(m.x, m.y);
      ctx.rotate(m.rot);
      ctx.fillStyle = "#6e5a78";
      ctx.strokeStyle = "#a58fb3";
      ctx.lineWidth = 2;
      ctx.beginPath();
      m.shape.forEach((k, i) => {
        const a = (i / m.shape.length) * Math.PI * 2;
        ctx.lineTo(Math.cos(a) * m.r * k, Math.sin(a) * m.r * k);
      });
      ctx.closePath();
      ctx.fill();
      ctx.stroke();
      ctx.fillStyle = "#4f3f58";
      ctx.beginPath();
      ctx.arc(m.r * 0.25, -m.r * 0.2, m.r * 0.22, 0, Math.PI * 2);
      ctx.fill();
      ctx.restore();
    }
    for (const p of sparks) {
      ctx.globalAlpha = Math.max(0, p.life / 0.6);
      ctx.fillStyle = p.color;
      ctx.fillRect(p.x - 2, p.y - 2, 4, 4);
    }
    ctx.globalAlpha = 1;
    if (api.state !== "over") drawShip(ctx, time);
  }

  window.Arcade.run({ reset, update, draw, onAction, onPointer });
})();
