import { checkAttachment, extensionOf, mediaTypeOf } from '../attachments';
import { chatAttachmentPolicySchema, chatConfigSchema, MAX_ATTACHMENT_BYTES } from '../config';
import { httpPageUrl } from '../pageUrl';

const policy = chatAttachmentPolicySchema.parse({});

describe('attachment policy helpers', () => {
  it.each([
    ['report.pdf', 'pdf'],
    ['Setup.EXE', 'exe'],
    ['invoice.pdf.exe', 'exe'],
    ['README', ''],
    ['.bashrc', ''],
    ['trailing.', ''],
    ['dir.v2/file', ''],
    ['C:\\dir.x\\run.bat', 'bat']
  ])('extensionOf(%s) is "%s"', (name, extension) => {
    expect(extensionOf(name)).toBe(extension);
  });

  it('mediaTypeOf drops parameters and case', () => {
    expect(mediaTypeOf(' Application/X-SH ; charset=utf-8')).toBe('application/x-sh');
  });

  it('C5 checkAttachment: size first, then extension, then content type', () => {
    expect(
      checkAttachment({ name: 'a.pdf', contentType: 'application/pdf', sizeBytes: MAX_ATTACHMENT_BYTES }, policy)
    ).toBe('ok');
    expect(
      checkAttachment({ name: 'a.exe', contentType: 'application/pdf', sizeBytes: MAX_ATTACHMENT_BYTES + 1 }, policy)
    ).toBe('ATTACHMENT_TOO_LARGE');
    expect(checkAttachment({ name: 'a.exe', contentType: 'application/pdf', sizeBytes: 1 }, policy)).toBe(
      'ATTACHMENT_TYPE_BLOCKED'
    );
    expect(checkAttachment({ name: 'a.txt', contentType: 'text/javascript', sizeBytes: 1 }, policy)).toBe(
      'ATTACHMENT_TYPE_BLOCKED'
    );
    expect(
      checkAttachment({ name: 'a.txt', contentType: 'text/plain', sizeBytes: 1 }, { ...policy, allowed: false })
    ).toBe('ATTACHMENTS_NOT_SUPPORTED');
  });

  it('C5 an admin may lower the size limit but not raise it above 10 MB', () => {
    expect(chatAttachmentPolicySchema.safeParse({ maxBytes: 1_000 }).success).toBe(true);
    expect(chatAttachmentPolicySchema.safeParse({ maxBytes: MAX_ATTACHMENT_BYTES + 1 }).success).toBe(false);
  });
});

describe('page URL helper', () => {
  it.each([
    ['https://example.com', 'https://example.com/'],
    ['  http://example.com/a?b=c#d ', 'http://example.com/a?b=c#d'],
    ['HTTPS://EXAMPLE.com/Path', 'https://example.com/Path']
  ])('C11 %s is a pushable page', (raw, normalised) => {
    expect(httpPageUrl(raw)).toBe(normalised);
  });

  it.each([
    'javascript:alert(1)',
    'data:text/html,hi',
    'file:///etc/hosts',
    'ftp://x.org',
    '//example.com',
    'http://',
    ''
  ])('C11 %s is not a pushable page', (raw) => {
    expect(httpPageUrl(raw)).toBeNull();
  });
});

describe('chat config', () => {
  it('has sensible defaults', () => {
    const settings = chatConfigSchema.parse({});
    expect(settings).toMatchObject({
      offerTimeoutMs: 30_000,
      wrapUpTimeoutMs: null,
      pci: { mode: 'redact', extraPatterns: [] },
      attachments: { allowed: true, maxBytes: MAX_ATTACHMENT_BYTES },
      dispositionRequired: false,
      followUp: { enabled: false, queueIds: [] },
      maxConferenceAgents: 3
    });
    expect(settings.attachments.blockedExtensions).toContain('exe');
  });

  it('refuses unknown settings rather than ignoring them', () => {
    expect(chatConfigSchema.safeParse({ offerTimoutMs: 5 }).success).toBe(false);
  });
});
