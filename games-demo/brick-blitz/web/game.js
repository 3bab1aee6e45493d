/* Brick Blitz: a breakout. Keep the ball alive with the paddle and clear every brick. */
(function () {
  "use strict";

  const W = 960;
  const H = 540;
  const TOP = 40;
  const COLS = 12;
  const ROWS = 6;
  const BW = 70;
  const BH = 22;
  const GAP = 6;
  const LEFT = (W - (COLS * BW + (COLS - 1) * GAP)) / 2;
  const BRICKS_TOP = 86;
  const ROW_COLORS = ["#ff5c8a", "#ff9f43", "#ffd23f", "#5cf2a5", "#4cc9f0", "#9b8cff"];
  const ROW_POINTS = [60, 50, 40, 30, 20, 10];
  const PADDLE_SPEED = 780;
  const BALL_SPEED = 400;
  const MAX_BOUNCE = 1.05;
  // A touch that moves less than this between down and up is a tap (launch), not a drag.
  const TAP_SLOP = 14;

  let paddle, ball, bricks, sparks, trail, lives, level, aim, tapFrom;

  function present(row, col) {
    const shape = (level - 1) % 3;
    if (shape === 1) return (row + col) % 3 !== 2;
    if (shape === 2) return Math.abs(col - 5.5) < row + 1;
    return true;
  }

  function buildBricks() {
    bricks = [];
    for (let row = 0; row < ROWS; row++) {
      for (let col = 0; col < COLS; col++) {
        if (!present(row, col)) continue;
        const tough = level >= 2 && row < Math.min(2, level - 1);
        bricks.push({ x: LEFT + col * (BW + GAP), y: BRICKS_TOP + row * (BH + GAP), row, hp: tough ? 2 : 1 });
      }
    }
  }

  function dock() {
    ball = { x: paddle.x, y: paddle.y - 16, vx: 0, vy: 0, r: 8, speed: BALL_SPEED + 35 * (level - 1), stuck: true };
    trail = [];
  }

  function showInfo(api) {
    api.info("Level " + level + " · Lives " + lives);
    api.status("Level " + level);
  }

  function reset(api) {
    paddle = { x: W / 2, y: 500, w: 130, h: 14 };
    lives = 3;
    level = 1;
    aim = null;
    tapFrom = null;
    sparks = [];
    buildBricks();
    dock();
    showInfo(api);
  }

  function launch(api) {
    if (!ball.stuck) return;
    const angle = (api.random() * 2 - 1) * 0.5;
    ball.vx = Math.sin(angle) * ball.speed;
    ball.vy = -Math.cos(angle) * ball.speed;
    ball.stuck = false;
    api.beep(440, 70);
  }

  function clamp(v, lo, hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  function hitBrick(brick, api) {
    brick.hp -= 1;
    const color = ROW_COLORS[brick.row];
    for (let i = 0; i < 8; i++) {
      sparks.push({ x: brick.x + BW / 2, y: brick.y + BH / 2, vx: (api.random() - 0.5) * 320, vy: (api.random() - 0.5) * 240, life: 0.5, color });
    }
    if (brick.hp > 0) {
      api.beep(300, 60, { type: "triangle" });
      return;
    }
    api.addScore(ROW_POINTS[brick.row] * level);
    api.beep(880 - brick.row * 80, 60);
    const factor = Math.min(1.012, (ball.speed * 1.4) / Math.hypot(ball.vx, ball.vy));
    ball.vx *= factor;
    ball.vy *= factor;
  }

  function collideBricks(api) {
    for (const b of bricks) {
      if (b.hp <= 0) continue;
      const dx = ball.x - clamp(ball.x, b.x, b.x + BW);
      const dy = ball.y - clamp(ball.y, b.y, b.y + BH);
      if (dx * dx + dy * dy > ball.r * ball.r) continue;
      const overlapX = Math.min(ball.x + ball.r - b.x, b.x + BW - ball.x + ball.r);
      const overlapY = Math.min(ball.y + ball.r - b.y, b.y + BH - ball.y + ball.r);
      // Bounce away from the face hit; setting signs rather than flipping avoids a double flip on a corner.
      if (overlapX < overlapY) ball.vx = ball.x < b.x + BW / 2 ? -Math.abs(ball.vx) : Math.abs(ball.vx);
      else ball.vy = ball.y < b.y + BH / 2 ? -Math.abs(ball.vy) : Math.abs(ball.vy);
      hitBrick(b, api);
      return;
    }
  }

  function movePaddle(dt, api) {
    const dir = (api.held("right") ? 1 : 0) - (api.held("left") ? 1 : 0);
    if (dir) {
      aim = null;
      paddle.x += dir * PADDLE_SPEED * dt;
    } else if (aim !== null) {
      paddle.x += clamp(aim - paddle.x, -PADDLE_SPEED * 2.5 * dt, PADDLE_SPEED * 2.5 * dt);
    }
    paddle.x = clamp(paddle.x, paddle.w / 2, W - paddle.w / 2);
  }

  function moveBall(dt, api) {
    ball.x += ball.vx * dt;
    ball.y += ball.vy * dt;
    if (ball.x < ball.r || ball.x > W - ball.r) {
      ball.x = clamp(ball.x, ball.r, W - ball.r);
      ball.vx = -ball.vx;
      api.beep(200, 30, { type: "triangle", volume: 0.03 });
    }
    if (ball.y < TOP + ball.r) {
      ball.y = TOP + ball.r;
      ball.vy = Math.abs(ball.vy);
    }
    const top = paddle.y - paddle.h / 2;
    if (ball.vy > 0 && ball.y + ball.r >= top && ball.y - ball.r <= paddle.y + paddle.h / 2 && Math.abs(ball.x - paddle.x) <= paddle.w / 2 + ball.r) {
      // Where the ball lands on the paddle sets the angle: the edges send it out steeply, like every breakout.
      const angle = clamp((ball.x - paddle.x) / (paddle.w / 2), -1, 1) * MAX_BOUNCE;
      const speed = Math.hypot(ball.vx, ball.vy);
      ball.vx = Math.sin(angle) * speed;
      ball.vy = -Math.cos(angle) * speed;
      ball.y = top - ball.r;
      api.beep(520, 50, { type: "triangle" });
    }
    collideBricks(api);
  }

  function update(dt, api) {
    movePaddle(dt, api);
    for (const s of sparks) {
      s.x += s.vx * dt;
      s.y += s.vy * dt;
      s.vy += 500 * dt;
      s.life -= dt;
    }
    sparks = sparks.filter((s) => s.life > 0);
    if (ball.stuck) {
      ball.x = paddle.x;
      ball.y = paddle.y - paddle.h / 2 - ball.r - 1;
      return;
    }
    trail.push({ x: ball.x, y: ball.y });
    if (trail.length > 12) trail.shift();
    moveBall(dt, api);
    if (ball.y - ball.r > H) {
      lives -= 1;
      showInfo(api);
      api.beep(180, 300, { type: "sawtooth", volume: 0.06, slideTo: 70 });
      if (lives <= 0) api.over();
      else dock();
    } else if (bricks.every((b) => b.hp <= 0)) {
      api.addScore(100 * level);
      level += 1;
      [660, 880, 1100].forEach((f, i) => setTimeout(() => api.beep(f, 90), i * 90));
      buildBricks();
      dock();
      showInfo(api);
    }
  }

  function onAction(action, api) {
    if (action === "action" || action === "up") launch(api);
  }

  function onPointer(point, api) {
    if (point.type === "down") tapFrom = point;
    if (point.type === "down" || point.type === "move") aim = point.x;
    if (point.type === "up" && tapFrom && Math.hypot(point.x - tapFrom.x, point.y - tapFrom.y) < TAP_SLOP) launch(api);
    if (point.type === "up" || point.type === "cancel") tapFrom = null;
  }

  function box(ctx, x, y, w, h, r) {
    ctx.beginPath();
    if (ctx.roundRect) ctx.roundRect(x, y, w, h, r);
    else ctx.rect(x, y, w, h);
    ctx.fill();
  }

  function drawBackground(ctx) {
    const sky = ctx.createLinearGradient(0, 0, 0, H);
    sky.addColorStop(0, "#0a1022");
    sky.addColorStop(1, "#060913");
    ctx.fillStyle = sky;
    ctx.fillRect(0, 0, W, H);
    ctx.fillStyle = "#111a3a";
    for (let x = 0; x <= W; x += 40) ctx.fillRect(x, TOP, 1, H - TOP);
    for (let y = TOP; y <= H; y += 40) ctx.fillRect(0, y, W, 1);
    ctx.fillStyle = "#1d2850";
    ctx.fillRect(0, TOP - 2, W, 2);
  }

  function draw(ctx, api, time) {
    drawBackground(ctx);
    for (const b of bricks) {
      if (b.hp <= 0) continue;
      ctx.fillStyle = ROW_COLORS[b.row];
      box(ctx, b.x, b.y, BW, BH, 5);
      ctx.fillStyle = "rgba(255, 255, 255, 0.28)";
      box(ctx, b.x + 3, b.y + 3, BW - 6, 5, 2);
      if (b.hp > 1) {
        ctx.strokeStyle = "#ffffff";
        ctx.lineWidth = 2;
        ctx.strokeRect(b.x + 2, b.y + 2, BW - 4, BH - 4);
      }
    }
    for (const s of sparks) {
      ctx.globalAlpha = Math.max(0, s.life * 2);
      ctx.fillStyle = s.color;
      ctx.fillRect(s.x - 2, s.y - 2, 4, 4);
    }
    trail.forEach((t, i) => {
      ctx.globalAlpha = (i / trail.length) * 0.35;
      ctx.fillStyle = "#bfe9ff";
      ctx.beginPath();
      ctx.arc(t.x, t.y, ball.r * (i / trail.length), 0, Math.PI * 2);
      ctx.fill();
    });
    ctx.globalAlpha = 1;
    const bar = ctx.createLinearGradient(paddle.x - paddle.w / 2, 0, paddle.x + paddle.w / 2, 0);
    bar.addColorStop(0, "#4cc9f0");
    bar.addColorStop(1, "#9b8cff");
    ctx.fillStyle = bar;
    box(ctx, paddle.x - paddle.w / 2, paddle.y - paddle.h / 2, paddle.w, paddle.h, 7);
    const glow = ctx.createRadialGradient(ball.x, ball.y, 1, ball.x, ball.y, ball.r * 3);
    glow.addColorStop(0, "rgba(191, 233, 255, 0.6)");
    glow.addColorStop(1, "rgba(191, 233, 255, 0)");
    ctx.fillStyle = glow;
    ctx.fillRect(ball.x - ball.r * 3, ball.y - ball.r * 3, ball.r * 6, ball.r * 6);
    ctx.fillStyle = "#ffffff";
    ctx.beginPath();
    ctx.arc(ball.x, ball.y, ball.r, 0, Math.PI * 2);
    ctx.fill();
    if (ball.stuck && api.state === "playing") {
      const touch = document.documentElement.classList.contains("touch");
      ctx.globalAlpha = 0.65 + Math.sin(time * 4) * 0.35;
      ctx.fillStyle = "#eef2ff";
      ctx.font = "600 22px system-ui, sans-serif";
      ctx.textAlign = "center";
      ctx.fillText(touch ? "Tap to launch" : "Space or click to launch", W / 2, 430);
      ctx.globalAlpha = 1;
    }
  }

  window.Arcade.run({ reset, update, draw, onAction, onPointer });
})();
