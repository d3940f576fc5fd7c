// Consumer 6 (tsc --strict, bundler resolution): the `stack-advisor/react` JSX
// types accept what the element takes and reject what it does not (the check
// fails on an expected error that does not happen: types let the line through).
/// <reference types="stack-advisor/react" />
import { createRef } from 'react';
import type { Recommendation } from 'stack-advisor';
import type { StackAdvisorElement, StackAdvisorErrorDetail } from 'stack-advisor/element';
import type { StackAdvisorProps } from 'stack-advisor/react';

const ref = createRef<StackAdvisorElement>();
const onChange = (event: CustomEvent<Recommendation>) => event.detail.verdict;
const onError = (event: CustomEvent<StackAdvisorErrorDetail>): boolean => event.detail.kind === 'answers';

export const valid = [
  <stack-advisor />,
  <stack-advisor answers={{ project: 'realtime', needs: ['ai'], priorities: { hiring: 3 } }} theme="light" compact no-share no-sources />,
  <stack-advisor answers='{"project":"realtime"}' src="/matrix.json" methods="wsm topsis" calibrate loading="eager" lang="de" className="advice" ref={ref} />,
  <stack-advisor onstack-advisor-change={onChange} onstack-advisor-error={onError} />,
  <stack-advisor onstack-advisor-change={(event) => console.log(event.detail.confidence, event.detail.win_probability)} />,
  <stack-advisor ref={(el) => { el?.addEventListener('stack-advisor-change', onChange); }} />,
];
export const props: StackAdvisorProps = { answers: { project: 'ai-ml' }, theme: 'dark' };

export const invalid = [
  // @ts-expect-error: theme is auto, light or dark
  <stack-advisor theme="blue" />,
  // @ts-expect-error: answers are an object or its JSON, not a number
  <stack-advisor answers={42} />,
  // @ts-expect-error: an answer is a choice id, ids, or weights, not a boolean
  <stack-advisor answers={{ project: true }} />,
  // @ts-expect-error: compact is a boolean
  <stack-advisor compact="yes" />,
  // @ts-expect-error: the HTML name no-share, which the server render writes as it is (noShare would be "noshare")
  <stack-advisor noShare />,
  // @ts-expect-error: loading is lazy or eager
  <stack-advisor loading="later" />,
  // @ts-expect-error: the change event's detail is a Recommendation, not a number
  <stack-advisor onstack-advisor-change={(event: CustomEvent<number>) => event.detail} />,
  // @ts-expect-error: a listener, not a string of code
  <stack-advisor onstack-advisor-change="alert(1)" />,
  // @ts-expect-error: the error's kind is engine, matrix or answers
  <stack-advisor onstack-advisor-error={(event) => event.detail.kind === 'network'} />,
  // @ts-expect-error: the ref is a StackAdvisorElement's
  <stack-advisor ref={createRef<HTMLInputElement>()} />,
];
