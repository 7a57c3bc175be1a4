import { describe, expect, it } from 'vitest';
import { emptyList, missingPages, moveSelection, removeThread, selectId, withPage, withSummary } from '../../renderer/src/store/inboxModel';
import { page, thread } from './fixtures';

const loaded = (total: number, upTo = total) => withPage(emptyList('open'), 0, page(0, upTo, total));

describe('inbox paging', () => {
  it('the first page sets the total, leaves holes for later pages, and selects the top thread', () => {
    const list = loaded(250, 100);
    expect(list.total).toBe(250);
    expect(list.ids.length).toBe(250);
    expect(list.ids[99]).toBe(100);
    expect(list.ids[100]).toBeUndefined();
    expect(list.selectedId).toBe(1);
  });

  it('pages can arrive out of order and fill their own positions', () => {
    let list = loaded(250, 100);
    list = withPage(list, 200, page(200, 300, 250));
    expect(list.ids[200]).toBe(201);
    expect(list.ids[249]).toBe(250);
    expect(list.ids[150]).toBeUndefined();
    expect(missingPages(list, 90, 210)).toEqual([100]);
    expect(missingPages(list, 0, 99)).toEqual([]);
  });

  it('a refresh keeps the selection on the same thread when others arrive above it', () => {
    let list = selectId(loaded(5), 3);
    // Two new threads on top: every position shifts by two.
    list = withPage(list, 0, { items: [thread(10), thread(11), ...page(0, 5, 5).items], total: 7 }, true);
    expect(list.selectedId).toBe(3);
    expect(list.selectedIndex).toBe(4);
  });

  it('a refresh where the selected thread is gone selects its neighbour at the same position', () => {
    let list = selectId(loaded(5), 3);
    list = withPage(list, 0, { items: page(0, 5, 5).items.filter((t) => t.id !== 3), total: 4 }, true);
    expect(list.selectedId).toBe(4);
  });

  it('a replacing refresh forgets the other pages (positions may have shifted)', () => {
    let list = withPage(loaded(250, 100), 100, page(100, 200, 250));
    list = withPage(list, 0, page(0, 100, 250), true);
    expect(list.ids[150]).toBeUndefined();
  });

  it('keeps an unchanged summary object, so its row does not re-render', () => {
    const list = loaded(3);
    const before = list.byId[2];
    const again = withPage(list, 0, page(0, 3, 3), true);
    expect(again.byId[2]).toBe(before);
    const changed = withSummary(again, thread(2, { unread: false }));
    expect(changed.byId[2]).not.toBe(before);
    expect(changed.byId[2]!.unread).toBe(false);
  });
});

describe('inbox selection', () => {
  it('j/k move by one and stop at the ends', () => {
    let list = loaded(3);
    list = moveSelection(list, 1);
    expect(list.selectedId).toBe(2);
    list = moveSelection(moveSelection(list, 1), 1);
    expect(list.selectedId).toBe(3);
    list = moveSelection(list, -5);
    expect(list.selectedId).toBe(1);
  });

  it('never lands on a row whose page is not loaded yet', () => {
    let list = loaded(250, 100);
    list = selectId(list, 100);
    list = moveSelection(list, 1);
    expect(list.selectedId).toBe(100);
    list = withPage(list, 100, page(100, 200, 250));
    list = moveSelection(list, 1);
    expect(list.selectedId).toBe(101);
  });

  it('a long jump into an unloaded page stops at the last loaded row', () => {
    const list = moveSelection(selectId(loaded(250, 100), 97), 5);
    expect(list.selectedId).toBe(100);
  });

  it('removing the selected thread selects the next one, or the previous at the end', () => {
    let list = selectId(loaded(3), 2);
    list = removeThread(list, 2);
    expect(list.total).toBe(2);
    expect(list.selectedId).toBe(3);
    list = removeThread(list, 3);
    expect(list.selectedId).toBe(1);
    list = removeThread(list, 1);
    expect(list.selectedId).toBeNull();
    expect(list.total).toBe(0);
  });

  it('removing another thread keeps the selection and fixes its index', () => {
    let list = selectId(loaded(3), 3);
    list = removeThread(list, 1);
    expect(list.selectedId).toBe(3);
    expect(list.selectedIndex).toBe(1);
  });
});
