/// <reference types="stack-advisor/react" />
import 'stack-advisor/define'; // safe on the server: it registers nothing without a DOM
import { useCallback, useState } from 'react';
import type { Recommendation } from 'stack-advisor';
import type { StackAdvisorElement } from 'stack-advisor/element';

// Server-rendered: the answers as JSON (an attribute the server writes), and
// the listener added by a ref (hydration adds none).
export function ServerAdvisor() {
  const [verdict, setVerdict] = useState('');
  const listen = useCallback((el: StackAdvisorElement | null) => {
    if (!el) return;
    const onChange = (event: CustomEvent<Recommendation>) => setVerdict(event.detail.verdict);
    el.addEventListener('stack-advisor-change', onChange);
    if (el.result) setVerdict(el.result.verdict); // it answered before hydration
    return () => el.removeEventListener('stack-advisor-change', onChange);
  }, []);
  return (
    <>
      <stack-advisor ref={listen} answers={JSON.stringify({ project: 'ai-ml', team: 'python' })} />
      <output>{verdict}</output>
    </>
  );
}
