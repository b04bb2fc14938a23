// A real MOS device for Bulletin's tests: NRK's mos-connection acting as a studio machine on 127.0.0.1.
// It listens on its own ports, connects to the newsroom system (Bulletin) given on the command line, answers
// every message with an acknowledgement, and writes one JSON line to stdout for every whole MOS message it
// receives (raw XML, and which socket), plus one for each parsed callback. Commands arrive as JSON lines on stdin
// so a test can make the device start a conversation (roReq, roReqAll, roElementStat, mosObj, reqMachInfo).
//
//   node device.mjs --id DEVICE --lower 12540 --upper 12541 --ncs-id NCS --ncs-lower 10540 --ncs-upper 10541
import { createRequire } from 'node:module'
import { createInterface } from 'node:readline'

const require = createRequire(import.meta.url)
const { MosConnection, IMOSAckStatus, getMosTypes } = require('@mos-connection/connector')
const { MosMessageParser } = require('@mos-connection/connector/dist/connection/mosMessageParser.js')

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), [])
)
const id = args.id ?? 'device.bulletin.test'
const ncsId = args['ncs-id'] ?? 'ncs.bulletin.test'
const ncsHost = args['ncs-host'] ?? '127.0.0.1'
const ports = { lower: Number(args.lower), upper: Number(args.upper), query: Number(args.query ?? Number(args.upper) + 1) }
const ncsPorts = { lower: Number(args['ncs-lower']), upper: Number(args['ncs-upper']), query: Number(args['ncs-upper']) + 1 }

// mos-connection wraps values ({ _mosString128: 'x' }, { _mosTime: ... }); the tests read them plain.
const plain = (_key, value) => {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value)
    if (keys.length === 1 && keys[0].startsWith('_mos')) return value[keys[0]]
  }
  return value
}
const write = (line) => process.stdout.write(JSON.stringify(line, plain) + '\n')

// Every whole message any socket of ours parses, as it came: the parser knows which socket it belongs to.
const emit = MosMessageParser.prototype.emit
MosMessageParser.prototype.emit = function (event, parsed, xml, ...rest) {
  if (event === 'message') write({ event: 'received', socket: this.description, xml })
  return emit.call(this, event, parsed, xml, ...rest)
}

const types = getMosTypes(false)
const ok = (roID) => ({ ID: types.mosString128.create(String(roID ?? '')), Status: types.mosString128.create('OK'), Stories: [] })
const parsed = (type, data) => write({ event: 'parsed', type, data })
const objects = new Map()
// The device's own inventory (--objects '[{"objID":..,"slug":..,"duration":..,"timeBase":..}]'), which it lists in
// mosListAll when the newsroom system sends mosReqAll.
const mosObject = (c) => ({
  ID: types.mosString128.create(c.objID),
  Slug: types.mosString128.create(c.slug),
  Type: c.objType ?? 'VIDEO',
  TimeBase: c.timeBase ?? 25,
  Duration: c.duration ?? 0,
  Status: 'READY',
  AirStatus: 'READY',
  Group: 'Bulletin tests',
  Revision: 1,
  Created: types.mosTime.create(new Date()),
  CreatedBy: types.mosString128.create('tests'),
  Changed: types.mosTime.create(new Date()),
  ChangedBy: types.mosString128.create('tests'),
})
for (const c of JSON.parse(args.objects ?? '[]')) objects.set(String(c.objID), mosObject(c))

const mos = new MosConnection({
  mosID: id,
  acceptsConnections: true,
  profiles: { '0': true, '1': true, '2': true, '4': true },
  isNCS: false,
  strict: false,
  ports,
})
mos.on('error', (e) => write({ event: 'error', message: String(e) }))
mos.on('warning', (e) => write({ event: 'warning', message: String(e) }))

mos.onConnection((device) => {
  const machInfo = async () => ({
    manufacturer: types.mosString128.create('Bulletin tests'),
    model: types.mosString128.create('mos-connection device'),
    hwRev: types.mosString128.create('1'),
    swRev: types.mosString128.create('4.1.1'),
    DOM: types.mosString128.create('2026-01-01'),
    SN: types.mosString128.create('1'),
    ID: types.mosString128.create(id),
    time: types.mosTime.create(new Date()),
    mosRev: types.mosString128.create('2.8.5'),
    supportedProfiles: { deviceType: 'MOS', profile0: true, profile1: true, profile2: true, profile4: true },
  })
  device.onRequestMachineInfo(machInfo)
  device.onConnectionChange((status) => write({ event: 'connection', status }))
  // The connection to the newsroom system may be up before the handler is set: say where it stands now too.
  write({ event: 'connection', status: device.getConnectionStatus() })
  device.onRequestMOSObject(async (objId) => objects.get(String(objId)) ?? null)
  device.onRequestAllMOSObjects(async () => [...objects.values()])
  device.onMOSObjects(async () => ({ ID: types.mosString128.create('0'), Revision: 0, Status: IMOSAckStatus.ACK, Description: types.mosString128.create('') }))
  device.onCreateRunningOrder(async (ro) => (parsed('roCreate', ro), ok(ro.ID)))
  device.onReplaceRunningOrder(async (ro) => (parsed('roReplace', ro), ok(ro.ID)))
  device.onDeleteRunningOrder(async (roID) => (parsed('roDelete', roID), ok(roID)))
  device.onMetadataReplace(async (ro) => (parsed('roMetadataReplace', ro), ok(ro.ID)))
  device.onRequestRunningOrder(async () => null)
  device.onRunningOrderStatus(async (s) => (parsed('roElementStat', s), ok(s.ID)))
  device.onStoryStatus(async (s) => (parsed('roElementStat', s), ok(s.RunningOrderId)))
  device.onItemStatus(async (s) => (parsed('roElementStat', s), ok(s.RunningOrderId)))
  device.onReadyToAir(async (a) => (parsed('roReadyToAir', a), ok(a.ID)))
  for (const name of ['ROInsertStories', 'ROInsertItems', 'ROReplaceStories', 'ROReplaceItems', 'ROMoveStories', 'ROMoveItems', 'RODeleteStories', 'RODeleteItems', 'ROSwapStories', 'ROSwapItems']) {
    device['on' + name](async (action, ...rest) => (parsed(name, { action, rest }), ok(action.RunningOrderID)))
  }
  device.onRequestAllRunningOrders(async () => [])
  device.onRunningOrderStory(async (story) => (parsed('roStorySend', story), ok(story.RunningOrderId)))

  // Commands from the test, each answered with a reply line carrying what the newsroom system answered.
  const commands = {
    reqMachInfo: () => device.requestMachineInfo(),
    roReq: (c) => device.sendRequestRunningOrder(types.mosString128.create(c.roID)),
    roReqAll: () => device.sendRequestAllRunningOrders(),
    roElementStat: (c) =>
      c.itemID
        ? device.sendItemStatus({ RunningOrderId: types.mosString128.create(c.roID), StoryId: types.mosString128.create(c.storyID), ID: types.mosString128.create(c.itemID), ObjectId: types.mosString128.create(c.objID ?? ''), Status: c.status, Time: types.mosTime.create(new Date()) })
        : device.sendStoryStatus({ RunningOrderId: types.mosString128.create(c.roID), ID: types.mosString128.create(c.storyID), Status: c.status, Time: types.mosTime.create(new Date()) }),
    mosObj: (c) => device.sendMOSObject(mosObject(c)),
  }
  createInterface({ input: process.stdin }).on('line', async (line) => {
    let command
    try {
      command = JSON.parse(line)
      const result = await commands[command.cmd](command)
      write({ event: 'reply', cmd: command.cmd, result })
    } catch (e) {
      write({ event: 'reply', cmd: command?.cmd, error: String(e?.message ?? e) })
    }
  })
})

await mos.init()
await mos.connect({
  primary: { id: ncsId, host: ncsHost, ports: ncsPorts, dontUseQueryPort: true, heartbeatInterval: Number(args.heartbeat ?? 1000), timeout: 5000 },
})
write({ event: 'ready', id, ports })
process.on('SIGTERM', async () => {
  await mos.dispose()
  process.exit(0)
})
