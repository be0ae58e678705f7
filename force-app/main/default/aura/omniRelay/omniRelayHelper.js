// Publishing on Softphone_Omni__c and calling lightning:omniToolkitAPI. The message envelope is described in
// lwc/omniBridge/envelope.ts; scripts/__tests__/omniRelay.test.ts keeps the two in step.
({
  /** The toolkit methods omniBridge may ask for (envelope.ts, TOOLKIT_METHODS). */
  methods: function () {
    return [
      'getServicePresenceStatusId',
      'getServicePresenceStatusChannels',
      'setServicePresenceStatus',
      'logout',
      'acceptAgentWork',
      'closeAgentWork'
    ];
  },

  publish: function (cmp, message) {
    cmp.find('omniChannel').publish(message);
  },

  /** An Omni-Channel event, with its parameters as the toolkit gave them. */
  forward: function (cmp, name, event) {
    this.publish(cmp, { source: 'relay', kind: 'event', name: name, payload: event.getParams() || {} });
  },

  /** Calls the named toolkit method with the request's payload and publishes how it ended, with the request's id. */
  call: function (cmp, id, name, payload) {
    var helper = this;
    var succeeded = $A.getCallback(function (value) {
      helper.publish(cmp, { source: 'relay', kind: 'result', id: id, name: name, ok: true, payload: value });
    });
    var failed = $A.getCallback(function (reason) {
      helper.publish(cmp, {
        source: 'relay',
        kind: 'result',
        id: id,
        name: name,
        ok: false,
        error: helper.error(reason)
      });
    });
    if (typeof id !== 'string' || helper.methods().indexOf(name) < 0) {
      failed({ code: 'OMNI_UNKNOWN_METHOD', message: 'Not a toolkit method the relay calls: ' + name });
      return;
    }
    var answer;
    try {
      var toolkit = cmp.find('omniToolkit');
      answer = payload ? toolkit[name](payload) : toolkit[name]();
    } catch (thrown) {
      failed(thrown);
      return;
    }
    Promise.resolve(answer).then(succeeded, failed);
  },

  /** A rejection as {code, message}: the toolkit rejects with an Error, a string or an object. */
  error: function (reason) {
    var code = reason && typeof reason.code === 'string' && reason.code ? reason.code : 'OMNI_TOOLKIT_ERROR';
    var message = reason && typeof reason.message === 'string' ? reason.message : String(reason);
    return { code: code, message: message };
  }
});
