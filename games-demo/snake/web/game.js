/* Snake: eat the apples, grow, and keep off the walls and your own tail. */
(function () {
  "use strict";

  const COLS = 20;
  const ROWS = 18;
  const CELL = 24;
  const TOP = 48;
  const START_INTERVAL = 0.14;
  const MIN_INTERVAL = 0.07;
  const SPEEDUP = 0.004;
  const APPLE_POINTS = 10;
  // A swipe of one cell (about 18 CSS px on a phone) turns; shorter moves are taps or jitter.
  const SWIPE = CELL;
  const DIRS = { up: [0, -1], down: [0, 1], left: [-1, 0], right: [1, 0] };
  const OPPOSITE = { up: "down", down: "up", left: "right", right: "left" };

  let snake, dir, turns, apple, clock, interval, sparks, dead, finished, swipeFrom;

  function reset(api) {
    snake = [{ x: 5, y: 9 }, { x: 4, y: 9 }, { x: 3, y: 9 }];
    dir = "right";
    turns = [];
    // The first apple sits straight ahead so a new player scores once before having to steer.
    apple = { x: 10, y: 9 };
    clock = 0;
    interval = START_INTERVAL;
    sparks = [];
    dead = false;
    finished = false;
    swipeFrom = null;
    api.status("Length " + snake.length);
  }

  function turn(next) {
    const last = turns.length ? turns[turns.length - 1] : dir;
    // Two quick presses (up, left) are both kept so a fast U-turn works; a reversal into the neck is ignored.
    if (turns.length >= 2 || next === last || next === OPPOSITE[last]) return;
    turns.push(next);
  }

  function placeApple(api) {
    const taken = new Set(snake.map((s) => s.x + "," + s.y));
    const free = [];
    for (let y = 0; y < ROWS; y++) for (let x = 0; x < COLS; x++) if (!taken.has(x + "," + y)) free.push({ x, y });
    return free.length ? free[Math.floor(api.random() * free.length)] : null;
  }

  function burst(x, y) {
    for (let i = 0; i < 12; i++) {
      const angle = (i / 12) * Math.PI * 2;
      sparks.push({ x, y, vx: Math.cos(angle) * 90, vy: Math.sin(angle) * 90, life: 0.45 });
    }
  }

  function step(api) {
    if (turns.length) dir = turns.shift();
    const [dx, dy] = DIRS[dir];
    const next = { x: snake[0].x + dx, y: snake[0].y + dy };
    const eating = next.x === apple.x && next.y === apple.y;
    // The tail moves out of its cell this tick unless the snake grows, so chasing your own tail is legal.
    const body = eating ? snake : snake.slice(0, -1);
    const outside = next.x < 0 || next.y < 0 || next.x >= COLS || next.y >= ROWS;
    if (outside || body.some((s) => s.x === next.x && s.y === next.y)) {
      dead = true;
      finished = true;
      api.beep(220, 380, { type: "sawtooth", volume: 0.07, slideTo: 55 });
      api.over();
      return;
    }
    snake.unshift(next);
    if (!eating) {
      snake.pop();
      return;
    }
    api.addScore(APPLE_POINTS);
    api.status("Length " + snake.length);
    api.beep(520, 90, { slideTo: 980 });
    burst(next.x * CELL + CELL / 2, TOP + next.y * CELL + CELL / 2);
    interval = Math.max(MIN_INTERVAL, interval - SPEEDUP);
    apple = placeApple(api);
    if (!apple) {
      finished = true;
      api.over();
    }
  }

  function update(dt, api) {
    for (const s of sparks) {
      s.x += s.vx * dt;
      s.y += s.vy * dt;
      s.life -= dt;
    }
    sparks = sparks.filter((s) => s.life > 0);
    clock += dt;
    while (clock >= interval && !finished) {
      clock -= interval;
      step(api);
    }
  }

  function onAction(action) {
    if (DIRS[action]) turn(action);
  }

  function onPointer(point) {
    if (point.type === "down") swipeFrom = point;
    else if (point.type !== "move") swipeFrom = null;
    if (point.type !== "move" || !swipeFrom) return;
    const dx = point.x - swipeFrom.x;
    const dy = point.y - swipeFrom.y;
    if (Math.max(Math.abs(dx), Math.abs(dy)) < SWIPE) return;
    turn(Math.abs(dx) > Math.abs(dy) ? (dx > 0 ? "right" : "left") : dy > 0 ? "down" : "up");
    // Restart from here so one long, bending swipe can steer several times.
    swipeFrom = point;
  }

  function drawBoard(ctx) {
    ctx.fillStyle = "#0a1022";
    ctx.fillRect(0, 0, COLS * CELL, TOP);
    ctx.fillStyle = "#1d2850";
    ctx.fillRect(0, TOP - 2, COLS * CELL, 2);
    for (let y = 0; y < ROWS; y++) {
      for (let x = 0; x < COLS; x++) {
        ctx.fillStyle = (x + y) % 2 ? "#0b1226" : "#0e1630";
        ctx.fillRect(x * CELL, TOP + y * CELL, CELL, CELL);
      }
    }
  }

  function drawApple(ctx, time) {
    const cx = apple.x * CELL + CELL / 2;
    const cy = TOP + apple.y * CELL + CELL / 2;
    const glow = ctx.createRadialGradient(cx, cy, 2, cx, cy, CELL);
    glow.addColorStop(0, "rgba(255, 79, 139, 0.55)");
    glow.addColorStop(1, "rgba(255, 79, 139, 0)");
    ctx.fillStyle = glow;
    ctx.fillRect(cx - CELL, cy - CELL, CELL * 2, CELL * 2);
    ctx.fillStyle = "#ff4f8b";
    ctx.beginPath();
    ctx.arc(cx, cy + 1, 7.5 + Math.sin(time * 6) * 0.8, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = "#7dffb3";
    ctx.beginPath();
    ctx.ellipse(cx + 3, cy - 8, 4, 2, -0.6, 0, Math.PI * 2);
    ctx.fill();
  }

  function drawSnake(ctx) {
    const center = (s) => [s.x * CELL + CELL / 2, TOP + s.y * CELL + CELL / 2];
    ctx.lineCap = "round";
    ctx.lineJoin = "round";
    ctx.lineWidth = CELL - 6;
    for (let i = snake.length - 1; i > 0; i--) {
      const [ax, ay] = center(snake[i]);
      const [bx, by] = center(snake[i - 1]);
      ctx.strokeStyle = "hsl(150, 80%, " + Math.max(34, 62 - i * 1.5) + "%)";
      ctx.beginPath();
      ctx.moveTo(ax, ay);
      ctx.lineTo(bx, by);
      ctx.stroke();
    }
    const [hx, hy] = center(snake[0]);
    ctx.fillStyle = dead ? "#ff6b6b" : "#5cf2a5";
    ctx.beginPath();
    ctx.arc(hx, hy, CELL / 2 - 1, 0, Math.PI * 2);
    ctx.fill();
    const [dx, dy] = DIRS[dir];
    ctx.fillStyle = "#06120c";
    for (const side of [-1, 1]) {
      ctx.beginPath();
      ctx.arc(hx + dx * 4 - dy * side * 5, hy + dy * 4 + dx * side * 5, 2.6, 0, Math.PI * 2);
      ctx.fill();
    }
  }

  function draw(ctx, api, time) {
    drawBoard(ctx);
    if (apple) drawApple(ctx, time);
    drawSnake(ctx);
    for (const s of sparks) {
      ctx.globalAlpha = Math.max(0, s.life / 0.45);
      ctx.fillStyle = "#ffd0e0";
      ctx.fillRect(s.x - 2, s.y - 2, 4, 4);
    }
    ctx.globalAlpha = 1;
  }

  window.Arcade.run({ reset, update, draw, onAction, onPointer });
})();
