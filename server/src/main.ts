// Process entry: load config, build the app, listen, and shut down gracefully on SIGTERM/SIGINT.
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const app = await buildApp(config);
  await app.listen({ port: config.port, host: config.host });

  const { generatedPassword, adminEmail } = app.firstRun;
  if (generatedPassword) {
    // Printed once, on the first start of an empty database; it is stored only as a hash.
    console.log(
      `\n  First admin created: ${adminEmail} / ${generatedPassword}\n  (set ADMIN_PASSWORD to choose it)\n`,
    );
  }
  console.log(
    `  Live chat server: ${config.publicUrl}  (dashboard; API docs at ${config.publicUrl}/api/docs)`,
  );

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      app.log.error('shutdown took too long; exiting');
      process.exit(1);
    }, config.shutdownGraceMs);
    force.unref();
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        app.log.error({ err }, 'error during shutdown');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
