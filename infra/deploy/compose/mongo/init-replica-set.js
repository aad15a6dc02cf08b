// Run once by the mongo-init service of compose.yaml, signed in as the root user on mongo-1 (the only member that
// has one before the set exists: the others start empty and copy everything from it by initial sync).
//
// 1. Initiates the replica set rs0 with the three members, unless it already is.
// 2. Waits until mongo-1 is the primary (it has the highest priority).
// 3. Creates one user per service in the admin database (the services connect with authSource=admin), each
//    allowed to read and write its own database and nothing else; a user that exists gets its password and roles
//    set again, so running this again after changing a password in .env applies it.
//
// Passwords come from the environment (MONGO_<SERVICE>_PASSWORD), never from this file.

const replicaSet = 'rs0';
const members = ['mongo-1:27017', 'mongo-2:27017', 'mongo-3:27017'];
const services = ['intake', 'routing', 'notification', 'analytics'];

function initiated() {
  try {
    rs.status();
    return true;
  } catch (e) {
    if (e.codeName === 'NotYetInitialized' || e.code === 94) {
      return false;
    }
    throw e;
  }
}

if (initiated()) {
  print(`replica set ${replicaSet} already initiated`);
} else {
  rs.initiate({
    _id: replicaSet,
    members: members.map((host, i) => ({ _id: i, host, priority: i === 0 ? 2 : 1 })),
  });
  print(`replica set ${replicaSet} initiated with ${members.join(', ')}`);
}

for (let waited = 0; !db.hello().isWritablePrimary; waited++) {
  if (waited >= 120) {
    throw new Error(`mongo-1 did not become the primary of ${replicaSet} within 120 s: ${tojson(rs.status())}`);
  }
  sleep(1000);
}

const admin = db.getSiblingDB('admin');
for (const service of services) {
  const user = `hub-${service}`;
  const pwd = process.env[`MONGO_${service.toUpperCase()}_PASSWORD`];
  if (!pwd) {
    throw new Error(`MONGO_${service.toUpperCase()}_PASSWORD is not set`);
  }
  const roles = [{ role: 'readWrite', db: service }];
  if (admin.getUser(user)) {
    admin.updateUser(user, { pwd, roles });
    print(`user ${user} updated: readWrite on ${service}`);
  } else {
    admin.createUser({ user, pwd, roles });
    print(`user ${user} created: readWrite on ${service}`);
  }
}
