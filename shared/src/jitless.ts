// Zod compiles object parsers with `Function(...)` unless told not to, and under a CSP without 'unsafe-eval' even its
// probe for that is reported as a violation. Browser apps import this first, before any schema is built (zod decides
// when a schema is created); the server keeps the faster compiled parsers.
import { z } from 'zod';

z.config({ jitless: true });
