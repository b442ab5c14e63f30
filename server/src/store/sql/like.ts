/** A LIKE pattern matching `text` anywhere; LIKE's wildcards in it match themselves (use with ESCAPE '\'). */
export const containing = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
