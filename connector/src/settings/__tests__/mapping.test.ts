// The settings records -> configuration, as a pure function: units, per-channel rules, and refusals in admin words.
import { coreConfigSchema } from '../../interactions/registry';
import { settingsFromRecords } from '../mapping';
import type { SettingsRecords } from '../records';

const base = coreConfigSchema.parse({});
const options = { settingRecord: 'Default', queueIds: ['Chat_Support', 'Voice_Sales'] };

const records = (overrides: Partial<SettingsRecords> = {}): SettingsRecords => ({
  setting: [{ DeveloperName: 'Default', MasterLabel: 'Default', PCI_Mode__c: 'Redact', Total_Capacity__c: 6 }],
  channel: [],
  busyReason: [],
  pciPattern: [],
  emergencyNumber: [],
  wrapUpCode: [],
  ...overrides
});

describe('settings from records', () => {
  it('A4 C5 D7 D10 A6 turn seconds into ms, MB into bytes, and keep per-channel rules per channel', () => {
    const result = settingsFromRecords(
      records({
        channel: [
          {
            DeveloperName: 'Chat',
            MasterLabel: 'Chat',
            Channel__c: 'chat',
            Offer_Timeout_Seconds__c: 45,
            Max_Attachment_MB__c: 5
          },
          { DeveloperName: 'SMS', MasterLabel: 'SMS', Channel__c: 'sms', Disposition_Required__c: false },
          {
            DeveloperName: 'Email',
            MasterLabel: 'E-mail',
            Channel__c: 'email',
            Interruptible_By_Call__c: true,
            Blocked_File_Types__c: 'exe;zip'
          }
        ]
      }),
      base,
      options
    );
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const { core } = result.settings;
    expect(core.chat.offerTimeoutMs).toBe(45_000);
    expect(core.chat.attachments.maxBytes).toBe(5 * 1024 * 1024);
    expect(core.digital.dispositionRequiredOn).toEqual({ sms: false });
    expect(core.digital.capabilities.email.blockedExtensions).toEqual(['exe', 'zip']);
    expect(core.desk.interruptibleByCall).toEqual(['email']);
  });

  it("V10 C17 A1 emergency numbers per country, follow-up queues and Busy reasons in the admin's order", () => {
    const result = settingsFromRecords(
      records({
        setting: [
          {
            DeveloperName: 'Default',
            MasterLabel: 'Default',
            Follow_Up_Enabled__c: true,
            Follow_Up_Queues__c: 'Chat_Support'
          }
        ],
        emergencyNumber: [{ DeveloperName: 'DE', MasterLabel: 'Germany', Country__c: 'DE', Numbers__c: '112;110' }],
        busyReason: [
          { DeveloperName: 'Lunch', MasterLabel: 'Lunch', Sort_Order__c: 20, Active__c: true },
          {
            DeveloperName: 'Break',
            MasterLabel: 'Short break',
            Sort_Order__c: 10,
            Active__c: true,
            Omni_Status__c: 'Break'
          },
          { DeveloperName: 'Gone', MasterLabel: 'Gone', Sort_Order__c: 5, Active__c: false }
        ]
      }),
      base,
      options
    );
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.settings.core.voice.emergencyNumbers).toEqual({ DE: ['112', '110'] });
    expect(result.settings.core.chat.followUp).toEqual({ enabled: true, queueIds: ['Chat_Support'] });
    expect(result.settings.core.desk.presence.busyReasons).toEqual(['Break', 'Lunch']);
    expect(result.settings.busyReasonLabels).toEqual({ Break: 'Short break', Lunch: 'Lunch' });
    expect(result.settings.omni.busyByReason).toEqual({ Break: 'Break' });
  });

  it('refuses wrong records naming the record and the field, every problem at once', () => {
    const result = settingsFromRecords(
      records({
        setting: [{ DeveloperName: 'Default', MasterLabel: 'Default', PCI_Mode__c: 'Shred', Total_Capacity__c: 0 }],
        channel: [
          { DeveloperName: 'Chat', MasterLabel: 'Chat', Channel__c: 'chat' },
          { DeveloperName: 'Chat2', MasterLabel: 'Chat again', Channel__c: 'chat' },
          { DeveloperName: 'Fax', MasterLabel: 'Fax', Channel__c: 'fax' }
        ],
        wrapUpCode: [
          { DeveloperName: 'Odd', MasterLabel: 'Odd', Channels__c: 'pigeon', Queues__c: 'Nowhere', Active__c: true }
        ]
      }),
      base,
      options
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const said = result.problems.map((p) => `${p.record} ${p.field}`);
    expect(said).toEqual(
      expect.arrayContaining([
        'Softphone_Setting__mdt.Default PCI_Mode__c',
        'Softphone_Setting__mdt.Default Total_Capacity__c',
        'Softphone_Channel_Setting__mdt.Chat2 Channel__c',
        'Softphone_Channel_Setting__mdt.Fax Channel__c',
        'Wrap_Up_Code__mdt.Odd Channels__c',
        'Wrap_Up_Code__mdt.Odd Queues__c'
      ])
    );
  });

  it('refuses settings without the record this connector reads', () => {
    const result = settingsFromRecords(records({ setting: [] }), base, options);
    expect(result).toMatchObject({
      ok: false,
      problems: [{ record: 'Softphone_Setting__mdt.Default', field: 'DeveloperName' }]
    });
  });
});
