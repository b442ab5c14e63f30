// The shared fake socket, under the names the dashboard tests use.
export { FakeSocket, fakeNetwork as fakeSockets } from '@livechat/shared/testing';
