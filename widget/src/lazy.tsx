// Features that can wait (files, voice notes, emoji) live in their own chunks, fetched on first use from next to
// widget-chat.js. A lazy component renders its `fallback` (or nothing) until its chunk has loaded, then the real one;
// a chunk that failed to load (offline) is asked for again by the next mount.
import { Component, type ComponentChildren, type ComponentType } from 'preact';

export function lazy<P extends object>(
  load: () => Promise<ComponentType<P>>,
  fallback?: (props: P) => ComponentChildren,
): ComponentType<P> {
  let Loaded: ComponentType<P> | undefined;
  return class extends Component<P> {
    override componentDidMount(): void {
      if (!Loaded)
        load().then(
          (c) => {
            Loaded = c;
            this.forceUpdate();
          },
          () => {},
        );
    }

    override render(props: P) {
      return Loaded ? <Loaded {...props} /> : fallback?.(props);
    }
  };
}
