/**
 * Link facets for outgoing text. Bluesky shows a URL as a link only when the record carries an
 * app.bsky.richtext.facet#link for it, located by UTF-8 byte offsets (not UTF-16 indexes).
 * URLs are found with the same rules the composer's counter uses.
 */
import { findUrls } from '../../../preload/shared/length';

export interface LinkFacet {
  index: { byteStart: number; byteEnd: number };
  features: Array<{ $type: 'app.bsky.richtext.facet#link'; uri: string }>;
}

export function linkFacets(text: string): LinkFacet[] {
  return findUrls(text).map(({ start, end }) => {
    const shown = text.slice(start, end);
    return {
      index: { byteStart: Buffer.byteLength(text.slice(0, start)), byteEnd: Buffer.byteLength(text.slice(0, end)) },
      features: [{ $type: 'app.bsky.richtext.facet#link', uri: /^https?:\/\//i.test(shown) ? shown : `https://${shown}` }],
    };
  });
}
