export * from './channel';
export * from './channels';
export * from './failure';
export * from './model';
export * from './steps';
export * from './channels-okta';
export * from './progress';
export * from './channels-plans';
