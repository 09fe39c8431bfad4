// Runs before the first paint (a classic script in <head>, no defer): picks the page's
// language and theme from the link, the page's own default or the browser, so the static
// page shows the right language from the start, and sends links of the earlier format
// (`?v=1&view=flows` at the site's root) to the page that now holds their view.
(() => {
  const root = document.documentElement;
  const query = new URLSearchParams(location.search);

  // Links made before the views had pages of their own: ?v=1 (or ?view=) at the root.
  const page = root.dataset.page;
  if (page === 'story' && (query.get('v') === '1' || query.has('view'))) {
    const view = query.get('view') || 'countries';
    const views = ['story', 'countries', 'subfields', 'flows', 'whatif', 'sources'];
    if (views.includes(view) && view !== 'story') {
      query.delete('view');
      const rest = query.toString();
      location.replace(`${root.dataset.root || './'}${view}/${rest ? `?${rest}` : ''}${location.hash}`);
      return;
    }
  }

  const asked = query.get('lang');
  const lang =
    asked === 'zh' || asked === 'en'
      ? asked
      : root.dataset.defaultLang ||
        (/^zh/i.test((navigator.languages && navigator.languages[0]) || navigator.language || '') ? 'zh' : 'en');
  root.lang = lang === 'zh' ? 'zh-Hans' : 'en';
  const theme = query.get('theme');
  if (theme === 'dark' || theme === 'light') root.dataset.theme = theme;
  root.classList.add('js');
})();
