// Where uploaded files' bytes live: the domain stores and reads them by key (the file's id), whatever holds them
// (the local disk for one node; a store every node reaches for several).
export interface BlobStore {
  /** Stores the bytes under `key`, replacing any; resolves once they are durable. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes, or null when there are none. */
  get(key: string): Promise<Buffer | null>;
  /** Deletes them; nothing happens when there are none. */
  delete(key: string): Promise<void>;
}
