// Files for the widget and the dashboard: uploading with progress, cancel and safe retries; sizes for people.
export * from './upload.js';
export * from './format-size.js';
