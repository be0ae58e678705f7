// D6: private notes are visible to their author only, on every later interaction with the same contact.
import * as privateNotes from '../../repositories/privateNotes';
import { at, uid, type useFixture } from './fixture';

type Shared = ReturnType<typeof useFixture>;

export function notesCases(shared: Shared): void {
  describe('private notes', () => {
    it('D6 an agent sees their own notes about a contact on the next interaction; other agents never do', async () => {
      const contactKey = uid('contact');
      const ada = uid('ada');
      const bo = uid('bo');
      const first = await privateNotes.add(shared.db, {
        authorAgentId: ada,
        contactKey,
        interactionId: 'int-1',
        body: 'Prefers e-mail',
        at: at(1)
      });
      await privateNotes.add(shared.db, {
        authorAgentId: bo,
        contactKey,
        interactionId: 'int-1',
        body: 'Bo only',
        at: at(2)
      });
      const second = await privateNotes.add(shared.db, {
        authorAgentId: ada,
        contactKey,
        interactionId: 'int-2',
        body: 'Call back Friday',
        at: at(3)
      });
      expect(await privateNotes.listForAuthor(shared.db, { authorAgentId: ada, contactKey })).toEqual([second, first]);
      const bosNotes = await privateNotes.listForAuthor(shared.db, { authorAgentId: bo, contactKey });
      expect(bosNotes.map((note) => note.body)).toEqual(['Bo only']);
      expect(await privateNotes.listForAuthor(shared.db, { authorAgentId: uid('carla'), contactKey })).toEqual([]);
    });

    it('D6 a read without an author is refused, never answered with everyone’s notes', async () => {
      const contactKey = uid('contact');
      await privateNotes.add(shared.db, { authorAgentId: 'ada', contactKey, interactionId: 'i', body: 'n', at: at() });
      const withoutAuthor = { contactKey } as unknown as { authorAgentId: string; contactKey: string };
      await expect(privateNotes.listForAuthor(shared.db, withoutAuthor)).rejects.toMatchObject({
        code: 'INVALID_ARGUMENT'
      });
      await expect(privateNotes.listForAuthor(shared.db, { authorAgentId: '', contactKey })).rejects.toMatchObject({
        code: 'INVALID_ARGUMENT'
      });
    });

    it('keeps notes of one contact apart from another’s', async () => {
      const ada = uid('ada');
      await privateNotes.add(shared.db, {
        authorAgentId: ada,
        contactKey: 'c-1',
        interactionId: 'i',
        body: 'one',
        at: at()
      });
      await privateNotes.add(shared.db, {
        authorAgentId: ada,
        contactKey: 'c-2',
        interactionId: 'i',
        body: 'two',
        at: at()
      });
      const notes = await privateNotes.listForAuthor(shared.db, { authorAgentId: ada, contactKey: 'c-2' });
      expect(notes.map((note) => note.body)).toEqual(['two']);
    });
  });
}
