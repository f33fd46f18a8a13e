export * from './types';
export { definePlugin } from './define-plugin';
export { validatePluginShape, pluginProblems } from './plugin-shape';
export { PLUGIN_LIMITS } from './limits';
export { pluginNodeDefinition, isPluginDefinition, pluginVersion, type PluginNodeDefinition } from './plugin-definition';
export { portableNodeType, portableDefinition, registryWithNodeTypes, type PortableOptions } from './portable';
export { RESERVED_NAMESPACES, DEFAULT_PLUGIN_ICON, DEFAULT_PLUGIN_COLORS, type PluginInfo, type PluginKind } from './plugin-behavior';
