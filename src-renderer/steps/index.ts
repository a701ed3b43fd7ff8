import type { ComponentType, LazyExoticComponent } from 'react';
import type { StepId } from '../../src-main/api';
import type { StepScreenProps } from './types';

/** Each step's own screen, loaded only when the admin opens that step. */
export const stepScreens: Partial<Record<StepId, LazyExoticComponent<ComponentType<StepScreenProps>>>> = {};
