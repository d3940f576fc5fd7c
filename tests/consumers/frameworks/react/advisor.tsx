/// <reference types="stack-advisor/react" />
import 'stack-advisor/define'; // before React renders the element
import { useState } from 'react';

export function Advisor() {
  const [verdict, setVerdict] = useState('');
  return (
    <>
      <stack-advisor
        answers={{ project: 'ai-ml', team: 'python' }}
        theme="dark"
        onstack-advisor-change={(event) => setVerdict(event.detail.verdict)}
      />
      <output>{verdict}</output>
    </>
  );
}
