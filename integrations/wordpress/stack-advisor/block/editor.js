/**
 * The Stack advisor block in the editor: plain JavaScript on WordPress's own
 * globals (no build step). The block is rendered by PHP (the shortcode's
 * code), so the post stores only a comment: <!-- wp:stack-advisor/advisor {…} /-->.
 * The editor shows the settings, not the live widget.
 */
(function (wp) {
  'use strict';
  var el = wp.element.createElement;
  var __ = wp.i18n.__;
  var blockEditor = wp.blockEditor;
  var c = wp.components;

  /** A reason the answers text is not a JSON object, or '' when it is (or is empty). */
  function answersProblem(text) {
    if (!text.trim()) return '';
    try {
      var value = JSON.parse(text);
      if (value && typeof value === 'object' && !Array.isArray(value)) return '';
    } catch (error) {
      /* reported below */
    }
    return __('Not a JSON object: the widget will start with no answers.', 'stack-advisor');
  }

  /** A reason the URL is refused, or '' (the server checks it again). */
  function srcProblem(text) {
    var value = text.trim();
    if (!value) return '';
    if (/[\s<>"'`\\]/.test(value)) return __('No spaces or quotes in the URL.', 'stack-advisor');
    var scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value);
    if (scheme && !/^https?$/i.test(scheme[1])) return __('Only http(s) URLs or paths on this site.', 'stack-advisor');
    return '';
  }

  function edit(props) {
    var a = props.attributes;
    var set = function (name) {
      return function (value) {
        var change = {};
        change[name] = value;
        props.setAttributes(change);
      };
    };
    var summary = [a.theme || 'auto', a.lang || '', a.compact ? 'compact' : '', a.answers ? __('custom answers', 'stack-advisor') : '', a.src ? a.src : '']
      .filter(Boolean)
      .join(' · ');
    return el(
      'div',
      blockEditor.useBlockProps({ className: 'stack-advisor-block-placeholder' }),
      el(
        blockEditor.InspectorControls,
        null,
        el(
          c.PanelBody,
          { title: __('Stack advisor', 'stack-advisor') },
          el(c.SelectControl, {
            label: __('Theme', 'stack-advisor'),
            value: a.theme,
            options: [
              { label: __('Auto (reader’s setting)', 'stack-advisor'), value: '' },
              { label: __('Light', 'stack-advisor'), value: 'light' },
              { label: __('Dark', 'stack-advisor'), value: 'dark' },
            ],
            onChange: set('theme'),
          }),
          el(c.TextControl, { label: __('Language (en, de)', 'stack-advisor'), value: a.lang, onChange: set('lang') }),
          el(c.TextControl, {
            label: __('Initial answers (JSON)', 'stack-advisor'),
            help: answersProblem(a.answers) || __('e.g. {"project":"realtime","team":"javascript"}', 'stack-advisor'),
            value: a.answers,
            onChange: set('answers'),
          }),
          el(c.TextControl, {
            label: __('Decision matrix URL (src)', 'stack-advisor'),
            help: srcProblem(a.src) || __('A JSON file on this site; empty for Node.js vs Python.', 'stack-advisor'),
            value: a.src,
            onChange: set('src'),
          }),
          el(c.ToggleControl, { label: __('Compact', 'stack-advisor'), checked: a.compact, onChange: set('compact') }),
          el(c.ToggleControl, { label: __('Hide Copy link / Copy as Markdown', 'stack-advisor'), checked: a.noShare, onChange: set('noShare') }),
          el(c.ToggleControl, { label: __('Hide the citation chips', 'stack-advisor'), checked: a.noSources, onChange: set('noSources') }),
          el(c.ToggleControl, {
            label: __('Second opinion: TOPSIS', 'stack-advisor'),
            checked: a.methods === 'wsm topsis',
            onChange: function (on) { props.setAttributes({ methods: on ? 'wsm topsis' : '' }); },
          }),
          el(c.ToggleControl, { label: __('Calibrate my priorities', 'stack-advisor'), checked: a.calibrate, onChange: set('calibrate') }),
          el(c.ToggleControl, {
            label: __('Load at once (top of the page)', 'stack-advisor'),
            checked: a.loading === 'eager',
            onChange: function (on) { props.setAttributes({ loading: on ? 'eager' : '' }); },
          })
        )
      ),
      el('p', null, el('strong', null, __('Stack advisor', 'stack-advisor'))),
      el('p', null, summary),
      el('p', null, __('The interactive advisor shows on the published page; its settings are in the sidebar.', 'stack-advisor'))
    );
  }

  wp.blocks.registerBlockType('stack-advisor/advisor', {
    edit: edit,
    save: function () {
      return null;
    },
  });
})(window.wp);
