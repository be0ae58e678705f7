// The relay's handlers: each Omni-Channel event is published as it came, each request from omniBridge is handed to
// the helper, which calls the toolkit. Nothing is decided here (docs/omni.md).
({
  onInit: function (cmp, event, helper) {
    helper.publish(cmp, { source: 'relay', kind: 'ready' });
  },

  onStatusChanged: function (cmp, event, helper) {
    helper.forward(cmp, 'lightning:omniChannelStatusChanged', event);
  },

  onLogout: function (cmp, event, helper) {
    helper.forward(cmp, 'lightning:omniChannelLogout', event);
  },

  onWorkAssigned: function (cmp, event, helper) {
    helper.forward(cmp, 'lightning:omniChannelWorkAssigned', event);
  },

  onWorkAccepted: function (cmp, event, helper) {
    helper.forward(cmp, 'lightning:omniChannelWorkAccepted', event);
  },

  onWorkDeclined: function (cmp, event, helper) {
    helper.forward(cmp, 'lightning:omniChannelWorkDeclined', event);
  },

  onWorkClosed: function (cmp, event, helper) {
    helper.forward(cmp, 'lightning:omniChannelWorkClosed', event);
  },

  // Every message on the channel arrives here, the relay's own too: only the bridge's requests are for it.
  onMessage: function (cmp, message, helper) {
    if (message.getParam('source') !== 'bridge' || message.getParam('kind') !== 'request') return;
    helper.call(cmp, message.getParam('id'), message.getParam('name'), message.getParam('payload'));
  }
});
