// Voice notes for the widget and the dashboard: choosing a recording format and recording one. Zod-free and
// dependency-free, since the widget loads it on first use.
export * from './formats.js';
export * from './recorder.js';
