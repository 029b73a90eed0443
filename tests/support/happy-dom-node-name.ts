/**
 * Browsers define `nodeName` once, on Node.prototype; happy-dom defines it again on each subclass and
 * its Node.prototype getter returns '' for elements. DOMPurify reads names through Node.prototype's
 * getter (so a page cannot clobber them), which under happy-dom makes every element look nameless and
 * forbidden. This makes Node.prototype's getter answer as a browser's does, for unit tests only.
 */
const nodeProto = (globalThis as { Node?: typeof Node }).Node?.prototype;
const own = nodeProto && Object.getOwnPropertyDescriptor(nodeProto, 'nodeName');
if (nodeProto && own?.get && typeof window !== 'undefined' && 'happyDOM' in window) {
  const nodeGetter = own.get;
  Object.defineProperty(nodeProto, 'nodeName', {
    ...own,
    get(this: Node) {
      for (
        let proto = Object.getPrototypeOf(this);
        proto && proto !== nodeProto;
        proto = Object.getPrototypeOf(proto)
      ) {
        const getter = Object.getOwnPropertyDescriptor(proto, 'nodeName')?.get;
        if (getter) return getter.call(this) as string;
      }
      return nodeGetter.call(this) as string;
    },
  });
}
