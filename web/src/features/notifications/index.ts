// The notifications feature's public face: the panel both dashboards show.
export { NotificationsPanel } from "./NotificationsPanel";
