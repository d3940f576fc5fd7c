import { chromium } from 'playwright';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless'] });
const page = await browser.newPage();
await page.goto('http://127.0.0.1:4180/');
const out = await page.evaluate(async () => {
  const m = await import('/stack-advisor.js'); await m.loadEngine();
  const profiles = [
    {project:'realtime'},{project:'ai-ml'},{project:'data-pipeline'},{project:'microservices'},{project:'serverless'},{project:'analytics'},
    {project:'rest-api',team:'python'},{project:'rest-api',team:'javascript'},{project:'realtime',needs:['ai']},
    {project:'scientific'},{project:'automation'},{project:'fullstack-spa'},{project:'mvp'},{project:'enterprise'},{}, {team:'python'}, {project:'realtime', team:'python'}, {project:'ai-ml', needs:['realtime']}
  ];
  return profiles.map(a => { const r = m.recommend(a); return JSON.stringify(a) + ' => ' + r.verdict + ' ' + r.confidence + ' ' + r.margin.toFixed(1) + ' disputes=' + r.disputes.map(d=>d.id) + ' flips=' + r.flip_points.length + ' rules=' + r.rules.map(x=>x.id); });
});
console.log(out.join('\n'));
const one = await page.evaluate(async () => { const m = await import('/stack-advisor.js'); return m.recommend({project:'realtime', needs:['ai']}); });
console.log(JSON.stringify(one, null, 1).slice(0, 3000));
await browser.close();
