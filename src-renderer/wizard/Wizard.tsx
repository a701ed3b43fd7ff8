import { useCallback, useState } from 'react';
import type { Integration, StepId, StepView, VendorSummary } from '../../src-main/api';
import { api } from '../api/client';
import { CertBar } from '../certs/CertBar';
import { change } from '../api/use-main';
import { ChangePanel } from './ChangePanel';
import { StepRail } from './StepRail';
import { StepScreen } from './StepScreen';
import { VerifyBar } from './VerifyBar';

/** Rail, step and "what will change", side by side. */
export function Wizard({ vendor, integration }: { vendor: VendorSummary; integration: Integration }) {
  const [view, setView] = useState<StepView | undefined>(undefined);
  const onView = useCallback((next: StepView | undefined) => setView(next), []);
  const select = (stepId: StepId) => {
    if (stepId !== integration.currentStep)
      void change(api.integrations.open({ integrationId: integration.id, stepId }));
  };
  return (
    <div className="wizard">
      <VerifyBar key={integration.id} integrationId={integration.id} />
      <CertBar
        key={`cert:${integration.id}`}
        integrationId={integration.id}
        hasApp={integration.facts.appId !== undefined}
      />
      <StepRail vendor={vendor} integration={integration} onSelect={select} />
      {/* Keyed by step so a step's busy state and field errors never leak into the next one. */}
      <StepScreen key={integration.currentStep} vendor={vendor} integration={integration} onView={onView} />
      <ChangePanel view={view} />
    </div>
  );
}
